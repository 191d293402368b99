package dev.migsh.shell.commands;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.Migrator;
import dev.migsh.core.UsageException;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.ResetResult;
import dev.migsh.core.connect.Environment;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.ParsedArgs;
import dev.migsh.shell.Style;

/**
 * {@code reset}: development only. Names what it will drop, counts down (Ctrl-C cancels),
 * drops every schema but the history one, then applies every migration again. In staging
 * and production it refuses with exit code 3 before touching anything.
 */
@Component
public class ResetCommand extends MigshCommand {

	static final Duration DEFAULT_COUNTDOWN = Duration.ofSeconds(5);

	public ResetCommand() {
		super(CommandSpec.builder("reset")
			.group("Migrations")
			.description("Development only: drop everything and apply every migration again, after a countdown")
			.help("Refused in staging and production. Ctrl-C during the countdown cancels; a script needs --yes.")
			.option(OptionSpec.flag("dry-run", "name what would be dropped and applied; change nothing"))
			.option(OptionSpec.flag("yes",
					"confirm in advance (for scripts and one-shot runs); the countdown still runs"))
			.option(OptionSpec.value("countdown", "DURATION", "seconds to cancel in, 1s to 60s (default 5s)"))
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public void validate(ParsedArgs args) {
		countdown(args);
	}

	@Override
	public ExitCode run(Invocation inv) {
		Environment env = inv.session().environment();
		String database = inv.session().database(inv.prompter()).settings().database();
		if (env != Environment.DEVELOPMENT) {
			throw new MigshException(
					"reset drops everything in " + database + " and is for development only; this" + " session is "
							+ inv.session().environmentSource(),
					"nothing was dropped; in " + env
							+ " undo migrations one by one (undo --dry-run shows what each destroys)",
					ExitCode.PREFLIGHT_REFUSED, null);
		}
		Migrator migrator = inv.session().migrator(inv.prompter());
		List<String> schemas = migrator.resetSchemas();
		int applied = migrator.appliedIds().size();
		int migrations = migrator.catalog().migrations().size();
		inv.out()
			.println(
					inv.out()
						.style(Style.BOLD_RED, "⚠ reset drops every schema in " + database + ": "
								+ (schemas.isEmpty() ? "(none)" : String.join(", ", schemas)) + ", with all their data")
							+ "; the history of " + applied
							+ " applied migration(s) is cleared (the audit trail is kept)," + " then all " + migrations
							+ " migration(s) are applied again.");
		if (inv.args().flag("dry-run")) {
			inv.out().println("Dry run: nothing was changed.");
			return ExitCode.OK;
		}
		if (!inv.prompter().interactive() && !inv.yes()) {
			throw new MigshException("reset wipes data and needs a confirmation, and this run is not interactive",
					"pass --yes (the countdown still runs), or preview it with reset --dry-run",
					ExitCode.PREFLIGHT_REFUSED, null);
		}
		if (!countDown(inv, countdown(inv.args()))) {
			inv.out().println("Cancelled: nothing was dropped.");
			return ExitCode.FAILED;
		}
		Cancellation cancellation = new Cancellation();
		ProgressListener progress = new ProgressListener(inv.out(), "applying");
		ResetResult reset;
		ApplyResult result;
		try (var onCtrlC = inv.interrupts().onInterrupt(cancellation::cancel)) {
			reset = migrator.reset(progress::lockWaiting, cancellation);
			inv.out()
				.println("Dropped "
						+ (reset.droppedSchemas().isEmpty() ? "nothing"
								: "schema(s) " + String.join(", ", reset.droppedSchemas()))
						+ "; cleared " + reset.historyRowsCleared() + " history row(s).");
			result = migrator.apply(ApplyRequest.all(), progress, cancellation);
		}
		inv.out()
			.println(inv.out()
				.style(Style.BOLD_GREEN, "Reset " + database + ": applied " + result.applied().size()
						+ " migration(s) on an empty database."));
		return ExitCode.OK;
	}

	/** Counts down a second at a time; false when Ctrl-C came first. */
	private static boolean countDown(Invocation inv, Duration countdown) {
		inv.interrupts().reset();
		long seconds = countdown.toSeconds();
		inv.out().print("Dropping in");
		for (long left = seconds; left > 0; left--) {
			inv.out().print(" " + left + "…");
			long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
			while (System.nanoTime() < until) {
				if (inv.interrupts().fired()) {
					inv.out().println(" cancelled (Ctrl-C).");
					return false;
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					inv.out().println(" cancelled.");
					return false;
				}
			}
		}
		inv.out().println(" now.");
		return true;
	}

	private static Duration countdown(ParsedArgs args) {
		Duration countdown = args.duration("countdown").orElse(DEFAULT_COUNTDOWN);
		if (countdown.compareTo(Duration.ofSeconds(1)) < 0 || countdown.compareTo(Duration.ofSeconds(60)) > 0) {
			throw new UsageException("reset: --countdown must be between 1s and 60s",
					"the countdown is the time to press Ctrl-C; e.g. --countdown 3s");
		}
		return countdown;
	}

}
