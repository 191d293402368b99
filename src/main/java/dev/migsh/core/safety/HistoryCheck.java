package dev.migsh.core.safety;

import dev.migsh.core.MigshException;
import dev.migsh.core.plan.ApplyPlan;
import dev.migsh.core.plan.MigrationState;

/** The history is consistent: no failed, changed or missing migrations. */
final class HistoryCheck implements PreflightCheck {

	@Override
	public String name() {
		return "history";
	}

	@Override
	public CheckResult run(PreflightContext context) {
		try {
			ApplyPlan.checkHistory(context.status());
		}
		catch (MigshException ex) {
			return CheckResult.fail(name(), ex.getMessage(), ex.hint());
		}
		int recorded = context.status().appliedInOrder().size();
		return CheckResult.ok(name(),
				"consistent: " + PlanCheck.plural(recorded, "migration") + " recorded, "
						+ context.status().count(MigrationState.PENDING) + " pending"
						+ (context.status().count(MigrationState.OUTDATED) == 0 ? ""
								: ", " + context.status().count(MigrationState.OUTDATED) + " repeatable outdated"));
	}

}
