package dev.migsh.core.change;

import java.util.List;

import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.plan.UndoPlan;
import dev.migsh.core.safety.PreflightReport;

/**
 * What {@code undo} would roll back, latest first, what its down sections destroy (kept
 * in migsh_trash when it runs), the checks and the confirmations it needs.
 */
public record UndoProposal(UndoChange.Request request, MigrationCatalog catalog, StatusReport status, UndoPlan plan,
		PreflightReport checks, List<Requirement> requirements) implements Proposal {

	@Override
	public String command() {
		return "undo";
	}

	@Override
	public String action() {
		return "undo of " + String.join(", ", this.plan.steps().stream().map(s -> s.file().id()).toList());
	}

	@Override
	public boolean isEmpty() {
		return this.plan.isEmpty();
	}

	public List<DbObject> destroys() {
		return this.plan.steps().stream().flatMap(s -> s.rollback().destroys().stream()).toList();
	}

}
