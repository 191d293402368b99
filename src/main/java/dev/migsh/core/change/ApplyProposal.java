package dev.migsh.core.change;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.safety.PreflightReport;

/**
 * What {@code apply} would run: the plan (absent when none could be made, which the
 * checks then explain), the pre-flight checks and the confirmations it needs.
 */
public record ApplyProposal(ApplyChange.Request request, MigrationCatalog catalog, StatusReport status,
		Optional<MigrationPlan> plan, PreflightReport checks, List<Requirement> requirements) implements Proposal {

	@Override
	public String command() {
		return "apply";
	}

	@Override
	public String action() {
		int count = this.plan.map(p -> p.steps().size()).orElse(0);
		return "apply " + count + (count == 1 ? " migration" : " migrations");
	}

	@Override
	public boolean isEmpty() {
		return this.plan.map(MigrationPlan::isEmpty).orElse(false);
	}

}
