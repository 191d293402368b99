package dev.migsh.core.change;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.LockWaitListener;
import dev.migsh.core.apply.Trash;
import dev.migsh.core.apply.TrashEntry;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.plan.StatusReport;

/**
 * The {@code trash purge} use case: drops every copy undo kept in migsh_trash, for good,
 * under the migration lock (an undo running meanwhile writes there).
 */
public final class TrashPurgeChange {

	private final ChangeContext context;

	public TrashPurgeChange(ChangeContext context) {
		this.context = context;
	}

	public RecordsProposal<List<TrashEntry>> propose() {
		MigrationCatalog catalog = new MigrationCatalog(this.context.config().migrations(), List.of(), List.of());
		StatusReport status = StatusReport.of(catalog, List.of());
		List<TrashEntry> entries = Trash.list(this.context.dataSource());
		long rows = entries.stream().mapToLong(TrashEntry::rows).sum();
		String what = "trash purge drops " + entries.size() + " kept " + (entries.size() == 1 ? "copy" : "copies")
				+ " (" + String.format("%,d", rows) + " rows) for good";
		List<String> lines = entries.isEmpty() ? List.of()
				: List.of(what + ": " + String.join(", ", entries.stream().map(TrashEntry::source).toList()));
		return new RecordsProposal<>("trash purge", "trash purge", catalog, status, entries, lines,
				this.context.recordChecks(status),
				this.context.requirements("trash purge", new Requirement(Confirmation.DESTRUCTIVE, what, "purge")),
				entries.isEmpty());
	}

	public List<TrashEntry> execute(RecordsProposal<List<TrashEntry>> proposal, Optional<Duration> lockWait,
			Confirmations confirmations, LockWaitListener listener, Cancellation cancellation) {
		confirmations.check(proposal);
		if (proposal.isEmpty()) {
			return List.of();
		}
		List<TrashEntry> result = Trash.purge(this.context.engine(), proposal.subject(),
				this.context.lockWait(lockWait), listener, cancellation);
		this.context.auditOverrides(proposal);
		return result;
	}

}
