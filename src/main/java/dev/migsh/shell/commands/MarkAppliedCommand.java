package dev.migsh.shell.commands;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.MarkAppliedChange;
import dev.migsh.core.change.RecordsProposal;
import dev.migsh.core.Migrator;
import dev.migsh.core.apply.MarkResult;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;

/**
 * {@code mark-applied ID}: record a pending migration as applied without running it (the
 * seed's "manually mark as executed"), after checking which of the objects it creates
 * already exist; when some do not, it asks first.
 */
@Component
public class MarkAppliedCommand extends MigshCommand {

	private final ChangeGuard guard = new ChangeGuard();

	public MarkAppliedCommand() {
		super(CommandSpec.builder("mark-applied")
			.group("Migrations")
			.description("Record a pending migration as applied without running it, after checking its objects exist")
			.argument(ArgSpec.required("ID", "a pending migration", Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.flag("dry-run", "only check which of its objects exist"))
			.option(OptionSpec.flag("allow-missing",
					"record it even though objects it creates are missing (audited with the list)"))
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
		MarkAppliedChange.Request request = new MarkAppliedChange.Request(inv.args().requiredArgument("ID"),
				inv.args().flag("allow-missing"), inv.args().duration("lock-wait"));
		RecordsProposal<MarkResult> proposal = migrator.proposeMarkApplied(request);
		Optional<ExitCode> dryRun = RecordsProposalView.show(inv, proposal, "Dry run: nothing was recorded.",
				"Dry run: mark-applied would be refused; nothing was recorded.");
		if (dryRun.isPresent()) {
			return dryRun.get();
		}
		Confirmations confirmations = this.guard.confirm(inv, proposal);
		MarkResult result = migrator.markApplied(proposal, request, confirmations,
				new ProgressListener(inv.out(), "marking")::lockWaiting, Cancellations.onCtrlC(inv));
		inv.out()
			.println(inv.out().style(Style.BOLD_GREEN, "Recorded " + result.id() + " as applied (marked)")
					+ " without running it. Undo the record with: mark-pending " + result.id());
		return ExitCode.OK;
	}

}
