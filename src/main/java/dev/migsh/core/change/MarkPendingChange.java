package dev.migsh.core.change;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.LockWaitListener;
import dev.migsh.core.apply.MarkPending;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.plan.StatusReport;

/**
 * The {@code mark-pending} use case: removes a migration's history row without running
 * its down section; its objects stay in the database.
 */
public final class MarkPendingChange {

	public record Request(String id, Optional<Duration> lockWait) {

		public static Request of(String id) {
			return new Request(id, Optional.empty());
		}

	}

	private final ChangeContext context;

	public MarkPendingChange(ChangeContext context) {
		this.context = context;
	}

	public RecordsProposal<AppliedMigration> propose(Request request) {
		MigrationCatalog catalog = this.context.catalog();
		StatusReport status = this.context.status(catalog);
		AppliedMigration applied = MarkPending.appliedRow(status, request.id());
		String action = "mark-pending " + applied.id();
		List<String> lines = List.of("remove the history row of " + applied.id() + " (" + applied.state().word()
				+ "); its down section does not run and its objects stay");
		List<String> remaining = status.appliedInOrder()
			.stream()
			.filter(s -> !s.id().equals(applied.id()))
			.map(dev.migsh.core.plan.MigrationStatus::version)
			.toList();
		var checks = this.context.withKeptHistory(this.context.recordChecks(status),
				kept -> kept.describeRemoving(List.of(applied.id()), List.of(applied.version()), remaining));
		return new RecordsProposal<>("mark-pending", action, catalog, status, applied, lines, checks,
				this.context.requirements(action), false);
	}

	public AppliedMigration execute(RecordsProposal<AppliedMigration> proposal, Request request,
			Confirmations confirmations, LockWaitListener listener, Cancellation cancellation) {
		confirmations.check(proposal);
		AppliedMigration result = new MarkPending(this.context.engine()).run(proposal.catalog(),
				proposal.subject().id(), ChangeContext.unchanged("mark-pending", proposal.status()),
				this.context.lockWait(request.lockWait()), listener, cancellation);
		this.context.auditOverrides(proposal);
		return result;
	}

}
