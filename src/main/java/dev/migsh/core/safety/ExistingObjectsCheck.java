package dev.migsh.core.safety;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.Migrator;
import dev.migsh.core.apply.MarkResult;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.MigrationPlan;

/**
 * No object a pending migration creates exists already: that would fail with "relation
 * already exists", typically on a database changed by hand, and is fixed by
 * {@code mark-applied} once the objects are checked.
 */
final class ExistingObjectsCheck implements PreflightCheck {

	@Override
	public String name() {
		return "objects to create";
	}

	@Override
	public CheckResult run(PreflightContext context) {
		if (context.plan().isEmpty()) {
			return context.withoutPlan(name());
		}
		Migrator migrator = new Migrator(context.dataSource(), context.config());
		List<String> clashes = new ArrayList<>();
		String first = null;
		boolean allExist = false;
		int checked = 0;
		List<MigrationPlan.Step> steps = context.plan().get().steps();
		List<MarkResult> results = migrator.checkMarkApplied(steps.stream().map(s -> s.file().id()).toList());
		for (int i = 0; i < steps.size(); i++) {
			MigrationPlan.Step step = steps.get(i);
			MarkResult result = results.get(i);
			checked += result.existing().size() + result.missing().size();
			if (!result.existing().isEmpty()) {
				clashes.add(step.file().id() + " creates "
						+ String.join(", ", result.existing().stream().map(DbObject::describe).toList())
						+ ", which already exist" + (result.existing().size() == 1 ? "s" : ""));
				if (first == null) {
					first = step.file().id();
					allExist = result.missing().isEmpty();
				}
			}
		}
		if (!clashes.isEmpty()) {
			String hint = allExist
					? "If they were created by hand and match the file, record it without running it: `mark-applied "
							+ first + "`."
					: "Some of its objects exist and some do not: compare with `describe`, then finish the objects by hand"
							+ " and run `mark-applied " + first + "`, or drop the stray ones.";
			return CheckResult.fail(name(), String.join("; ", clashes) + " (apply would fail: relation already exists)",
					hint);
		}
		return CheckResult.ok(name(), checked == 0 ? "the plan creates no named objects"
				: "none of the " + PlanCheck.plural(checked, "object") + " the plan creates exists yet");
	}

}
