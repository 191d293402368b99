package dev.migsh.shell.commands;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.UsageException;
import dev.migsh.core.change.RebuildHistoryChange;
import dev.migsh.core.history.HistoryHealth;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.RecordsProposal;
import java.util.List;
import dev.migsh.core.apply.RepairRequest;
import dev.migsh.core.apply.RepairResult;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;

/**
 * {@code repair [ID]}: accept the new checksum of edited files and clear failed rows,
 * with an audit row each; {@code repair --from-audit}: write back the history rows the
 * audit trail records and the history lost. Shows what it will do and asks first.
 */
@Component
public class RepairCommand extends MigshCommand {

	private final ChangeGuard guard = new ChangeGuard();

	public RepairCommand() {
		super(CommandSpec.builder("repair")
			.group("Migrations")
			.description("Accept edited checksums and clear failed rows (with an audit row each)")
			.argument(ArgSpec.optional("ID", "repair only this migration", Completion.ALL_MIGRATIONS))
			.option(OptionSpec.flag("from-audit",
					"write back the history rows the audit trail records and the history lost (and a dropped table)"))
			.option(OptionSpec.flag("dry-run", "say what would be repaired; change nothing"))
			.option(OptionSpec.flag("yes", "confirm in advance (for scripts and one-shot runs)"))
			.option(OptionSpec.value("lock-wait", "DURATION", "wait this long for the migration lock (0: fail fast)"))
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public ExitCode run(Invocation inv) {
		Migrator migrator = inv.session().migrator(inv.prompter());
		Optional<String> id = inv.args().argument("ID");
		if (inv.args().flag("from-audit")) {
			if (id.isPresent()) {
				throw new UsageException("repair --from-audit takes no ID: it writes back every row the history lost",
						"Run `repair --from-audit` alone.");
			}
			return fromAudit(inv, migrator);
		}
		RepairRequest request = id.map(RepairRequest::only).orElse(RepairRequest.all());
		Optional<java.time.Duration> wait = inv.args().duration("lock-wait");
		if (wait.isPresent()) {
			request = request.withLockWait(wait.get());
		}
		RecordsProposal<List<MigrationStatus>> proposal = migrator.proposeRepair(request);
		if (proposal.isEmpty()) {
			inv.out().println("Nothing to repair: no changed or failed migration.");
			return ExitCode.OK;
		}
		Optional<ExitCode> dryRun = RecordsProposalView.show(inv, proposal, "Dry run: nothing was changed.",
				"Dry run: nothing was changed.");
		if (dryRun.isPresent()) {
			return dryRun.get();
		}
		Confirmations confirmations = this.guard.confirm(inv, proposal);
		RepairResult result = migrator.repair(proposal, request, confirmations,
				new ProgressListener(inv.out(), "repairing")::lockWaiting, Cancellations.onCtrlC(inv));
		for (RepairResult.Action a : result.actions()) {
			inv.out().println(inv.out().style(Style.GREEN, "  ✔ ") + a.id() + ": " + a.detail());
			for (SqlStatement s : a.statementsThatRan()) {
				inv.out()
					.println(inv.out()
						.style(Style.DIM, "      ran before the failure: " + RollbackView.oneLine(s.sql())));
			}
		}
		return ExitCode.OK;
	}

	private ExitCode fromAudit(Invocation inv, Migrator migrator) {
		RebuildHistoryChange.Request request = new RebuildHistoryChange.Request(inv.args().duration("lock-wait"));
		RecordsProposal<HistoryHealth> proposal = migrator.proposeRebuildHistory(request);
		if (proposal.isEmpty()) {
			inv.out().println("Nothing to rebuild: the history holds every row the audit trail records.");
			if (proposal.checks().refused()) {
				PreflightView.print(proposal.checks(), inv.out());
				return ExitCode.PREFLIGHT_REFUSED;
			}
			return ExitCode.OK;
		}
		Optional<ExitCode> dryRun = RecordsProposalView.show(inv, proposal, "Dry run: nothing was changed.",
				"Dry run: nothing was changed.");
		if (dryRun.isPresent()) {
			return dryRun.get();
		}
		Confirmations confirmations = this.guard.confirm(inv, proposal);
		List<String> done = migrator.rebuildHistory(proposal, request, confirmations,
				new ProgressListener(inv.out(), "rebuilding")::lockWaiting, Cancellations.onCtrlC(inv));
		for (String line : done) {
			inv.out().println(inv.out().style(Style.GREEN, "  ✔ ") + line);
		}
		return ExitCode.OK;
	}

}
