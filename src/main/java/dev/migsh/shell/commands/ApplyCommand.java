package dev.migsh.shell.commands;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.UsageException;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Durations;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;

/**
 * {@code apply}: runs pending migrations, each in its own transaction with its history row,
 * under the migration lock; after each one prints the exact way back.
 */
@Component
public class ApplyCommand extends MigshCommand {

	public ApplyCommand() {
		super(CommandSpec.builder("apply")
			.group("Migrations")
			.description("Apply pending migrations (all, one ID, or --to ID), printing the rollback after each")
			.help("Each transactional migration runs in one transaction together with its history row; "
					+ "lock_timeout and statement_timeout are set for each (defaults 5s and 10m).")
			.argument(ArgSpec.optional("ID", "apply only this pending migration", Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.value("to", "ID", "apply pending migrations up to and including ID",
					Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.flag("dry-run", "show what would run; change nothing"))
			.option(OptionSpec.flag("yes", "confirm in advance (for scripts and one-shot runs)"))
			.option(OptionSpec.flag("allow-out-of-order", "apply a migration whose version is below an applied one"))
			.option(OptionSpec.value("lock-wait", "DURATION", "wait this long for the migration lock (0: fail fast)"))
			.option(OptionSpec.value("lock-timeout", "DURATION", "lock_timeout for each migration (default 5s)"))
			.option(OptionSpec.value("statement-timeout", "DURATION",
					"statement_timeout for each migration (default 10m; 0: none)"))
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public ExitCode run(Invocation inv) {
		Migrator migrator = inv.session().migrator(inv.prompter());
		ApplyTarget target = target(inv);
		if (inv.args().flag("dry-run")) {
			return dryRun(migrator, target, inv);
		}
		ApplyRequest request = request(inv, target);
		Cancellation cancellation = new Cancellation();
		ProgressListener progress = new ProgressListener(inv.out(), "applying");
		ApplyResult result;
		try (var onCtrlC = inv.interrupts().onInterrupt(cancellation::cancel)) {
			result = migrator.apply(request, progress, cancellation);
		}
		if (result.applied().isEmpty()) {
			inv.out().println("Nothing to apply: no pending migrations.");
		}
		else {
			inv.out().println(inv.out().style(Style.BOLD_GREEN, "Applied " + result.applied().size()
					+ (result.applied().size() == 1 ? " migration." : " migrations.")));
		}
		return ExitCode.OK;
	}

	private ExitCode dryRun(Migrator migrator, ApplyTarget target, Invocation inv) {
		List<MigrationStatus> pending = migrator.status().rows().stream().filter(MigrationStatus::isPending).toList();
		List<MigrationStatus> chosen = switch (target.kind()) {
			case ALL -> pending;
			case ONE -> pending.stream().filter(p -> p.id().equals(migrator.status().resolve(target.id().get()).id())).toList();
			case UP_TO -> {
				String last = migrator.status().resolve(target.id().get()).id();
				int end = pending.stream().map(MigrationStatus::id).toList().indexOf(last);
				yield end < 0 ? List.of() : pending.subList(0, end + 1);
			}
		};
		inv.out().println("Dry run: nothing is changed. " + chosen.size() + " migration(s) would be applied:");
		for (MigrationStatus s : chosen) {
			inv.out().println(inv.out().style(Style.BOLD, "  " + s.id()));
			s.file().ifPresent(f -> f.up().statements()
				.forEach(st -> inv.out().println(inv.out().style(Style.DIM, "    " + RollbackView.oneLine(st.sql()) + ";"))));
		}
		return ExitCode.OK;
	}

	static ApplyTarget target(Invocation inv) {
		Optional<String> id = inv.args().argument("ID");
		Optional<String> to = inv.args().value("to");
		if (id.isPresent() && to.isPresent()) {
			throw new UsageException("apply: give an ID or --to ID, not both", "apply ID runs one migration; "
					+ "apply --to ID runs every pending one up to ID");
		}
		return id.map(ApplyTarget::only).orElseGet(() -> to.map(ApplyTarget::upTo).orElse(ApplyTarget.all()));
	}

	private static ApplyRequest request(Invocation inv, ApplyTarget target) {
		ApplyRequest request = ApplyRequest.of(target);
		Optional<Duration> wait = inv.args().duration("lock-wait");
		if (wait.isPresent()) {
			request = request.withLockWait(wait.get());
		}
		Optional<Duration> lockTimeout = inv.args().duration("lock-timeout");
		Optional<Duration> statementTimeout = inv.args().duration("statement-timeout");
		if (lockTimeout.isPresent() || statementTimeout.isPresent()) {
			request = request.withTimeouts(lockTimeout.orElse(Duration.ofSeconds(5)),
					statementTimeout.orElse(Duration.ofMinutes(10)));
		}
		if (inv.args().flag("allow-out-of-order")) {
			request = request.allowingOutOfOrder();
		}
		return request;
	}

	static String format(Duration d) {
		return Durations.format(d);
	}

}
