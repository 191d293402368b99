package dev.migsh.shell.commands;

import java.util.Optional;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.RecordsProposal;
import dev.migsh.core.change.ResetChange;
import dev.migsh.core.Migrator;
import dev.migsh.core.UsageException;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Progress;
import dev.migsh.shell.ParsedArgs;
import dev.migsh.shell.Style;

/**
 * {@code reset}: development only. Names what it will drop, counts down (Ctrl-C cancels),
 * drops every schema but the history one, then applies every migration again. In staging
 * and production it refuses with exit code 3 before touching anything.
 */
@Component
public class ResetCommand extends MigshCommand {

	private final ChangeGuard guard = new ChangeGuard();

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
		Migrator migrator = inv.session().migrator(inv.prompter());
		RecordsProposal<List<String>> proposal = migrator.proposeReset();
		inv.out().println(inv.out().style(Style.BOLD_RED, "⚠ reset would:"));
		Optional<ExitCode> dryRun = RecordsProposalView.show(inv, proposal, "Dry run: nothing was changed.",
				"Dry run: reset would be refused; nothing was changed.");
		if (dryRun.isPresent()) {
			return dryRun.get();
		}
		Confirmations confirmations = this.guard.confirm(inv, proposal, countdown(inv.args()));
		Cancellation cancellation = new Cancellation();
		ProgressListener progress = new ProgressListener(inv.out(), "applying");
		ResetChange.Outcome outcome;
		try (var onCtrlC = inv.interrupts().onInterrupt(cancellation::cancel)) {
			try (Progress status = Progress.show(inv.out(), progress::step)) {
				outcome = migrator.reset(proposal, confirmations, progress, cancellation);
			}
		}
		inv.out()
			.println("Dropped "
					+ (outcome.reset().droppedSchemas().isEmpty() ? "nothing"
							: "schema(s) " + String.join(", ", outcome.reset().droppedSchemas()))
					+ "; cleared " + outcome.reset().historyRowsCleared() + " history row(s).");
		inv.out()
			.println(inv.out()
				.style(Style.BOLD_GREEN, "Reset " + migrator.target().database() + ": applied "
						+ outcome.applied().applied().size() + " migration(s) on an empty database."));
		return ExitCode.OK;
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
