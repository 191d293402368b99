package dev.migsh.core.change;

import java.util.List;

import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.LockWaitListener;
import dev.migsh.core.apply.Repair;
import dev.migsh.core.apply.RepairRequest;
import dev.migsh.core.apply.RepairResult;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.StatusReport;

/**
 * The {@code repair} use case: for an edited file, records its text as accepted beside
 * what ran; for a failed row, clears it (what a partial run created stays). It rewrites
 * records, so it asks first.
 */
public final class RepairChange {

	private final ChangeContext context;

	public RepairChange(ChangeContext context) {
		this.context = context;
	}

	public RecordsProposal<List<MigrationStatus>> propose(RepairRequest request) {
		MigrationCatalog catalog = this.context.catalog();
		StatusReport status = this.context.status(catalog);
		List<MigrationStatus> todo = Repair.todo(status, request);
		List<String> lines = todo.stream()
			.map(r -> r.id() + ": "
					+ (r.state() == MigrationState.CHANGED
							? "accept the file's new text and checksum, keeping what ran (see the diff with: show "
									+ r.id() + ")"
							: "clear the failed record (" + r.detail() + ")"))
			.toList();
		String action = "repair of " + todo.size() + " record(s)";
		return new RecordsProposal<>("repair", action, catalog, status, todo, lines, this.context.recordChecks(status),
				this.context.requirements(action, new Requirement(Confirmation.DESTRUCTIVE,
						"repair rewrites " + todo.size() + " record(s)", "yes")),
				todo.isEmpty());
	}

	public RepairResult execute(RecordsProposal<List<MigrationStatus>> proposal, RepairRequest request,
			Confirmations confirmations, LockWaitListener listener, Cancellation cancellation) {
		confirmations.check(proposal);
		if (proposal.isEmpty()) {
			return new RepairResult(List.of());
		}
		RepairResult result = new Repair(this.context.engine()).run(proposal.catalog(), request,
				ChangeContext.unchanged("repair", proposal.status()), listener, cancellation);
		this.context.auditOverrides(proposal);
		return result;
	}

}
