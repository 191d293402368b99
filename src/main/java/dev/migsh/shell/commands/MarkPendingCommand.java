package dev.migsh.shell.commands;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.OptionSpec;
import dev.migsh.core.Migrator;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.MarkPendingChange;
import dev.migsh.core.change.RecordsProposal;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.Style;

/**
 * {@code mark-pending ID}: forget that a migration ran, without running its down section.
 */
@Component
public class MarkPendingCommand extends MigshCommand {

	private final ChangeGuard guard = new ChangeGuard();

	public MarkPendingCommand() {
		super(CommandSpec.builder("mark-pending")
			.group("Migrations")
			.description("Remove a migration's history record without running its down section")
			.argument(ArgSpec.required("ID", "an applied migration", Completion.APPLIED_MIGRATIONS))
			.option(OptionSpec.flag("dry-run", "say what would be removed; change nothing"))
			.option(OptionSpec.flag("yes", "confirm in advance (for scripts and one-shot runs)"))
			.option(OptionSpec.value("lock-wait", "DURATION", "wait this long for the migration lock (0: fail fast)"))
			.option(KeepHistoryOption.spec())
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public ExitCode run(Invocation inv) {
		Migrator migrator = KeepHistoryOption.migrator(inv);
		MarkPendingChange.Request request = new MarkPendingChange.Request(inv.args().requiredArgument("ID"),
				inv.args().duration("lock-wait"));
		RecordsProposal<AppliedMigration> proposal = migrator.proposeMarkPending(request);
		Optional<ExitCode> dryRun = RecordsProposalView.show(inv, proposal, "Dry run: nothing was changed.",
				"Dry run: nothing was changed.");
		if (dryRun.isPresent()) {
			return dryRun.get();
		}
		Confirmations confirmations = this.guard.confirm(inv, proposal);
		AppliedMigration removed = migrator.markPending(proposal, request, confirmations,
				new ProgressListener(inv.out(), "marking")::lockWaiting, Cancellations.onCtrlC(inv));
		inv.out()
			.println(inv.out().style(Style.BOLD, "Marked " + removed.id() + " pending.")
					+ " Its objects are still in the database; 'mark-applied " + removed.id() + "' records it again.");
		return ExitCode.OK;
	}

}
