package dev.migsh.core.change;

import java.util.List;

import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.safety.PreflightReport;

/**
 * A proposed change to migsh's own records or kept data (mark-applied, mark-pending,
 * repair, reset, trash purge, baseline): the lines saying what it will do, its checks and
 * the confirmations it needs. {@code T} is what the use case needs to execute it.
 *
 * @param lines what it will do, one line each, for the shell to show before it asks
 */
public record RecordsProposal<T>(String command, String action, MigrationCatalog catalog, StatusReport status,
		T subject, List<String> lines, PreflightReport checks, List<Requirement> requirements,
		boolean isEmpty) implements Proposal {

	public RecordsProposal {
		lines = List.copyOf(lines);
		requirements = List.copyOf(requirements);
	}

}
