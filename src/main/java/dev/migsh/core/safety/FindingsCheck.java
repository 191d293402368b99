package dev.migsh.core.safety;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.plan.MigrationPlan;

/**
 * Every finding that stops an apply is acknowledged: unsuppressed errors need a
 * {@code -- migsh:allow ID because ...} line after review, and data-loss findings need the
 * operator's {@code --allow-data-loss} as well.
 */
final class FindingsCheck implements PreflightCheck {

	@Override
	public String name() {
		return "safety findings";
	}

	@Override
	public CheckResult run(PreflightContext context) {
		if (context.plan().isEmpty()) {
			return context.withoutPlan(name());
		}
		List<String> blocking = new ArrayList<>();
		List<String> dataLoss = new ArrayList<>();
		int warnings = 0;
		for (MigrationPlan.Step step : context.plan().get().steps()) {
			for (Finding f : step.findings()) {
				String where = f.ruleId() + " at " + step.file().id() + ":" + f.statement().line();
				if (f.dataLoss() && !f.suppressed()) {
					dataLoss.add(where);
				}
				else if (f.blocking()) {
					blocking.add(where);
				}
				else if (f.severity() == Severity.WARNING && !f.suppressed()) {
					warnings++;
				}
			}
		}
		if (!blocking.isEmpty()) {
			return CheckResult.fail(name(), blocking.size() + " unacknowledged: " + String.join(", ", blocking),
					"Run `plan` to read each finding and its safe alternative; rewrite the statement, or acknowledge it"
							+ " with a line `-- migsh:allow RULE because REASON` in the statement.");
		}
		if (!dataLoss.isEmpty() && !context.allowDataLoss()) {
			return CheckResult.fail(name(), "data loss: " + String.join(", ", dataLoss),
					"Read `plan`, take a backup, then run apply with --allow-data-loss.");
		}
		if (!dataLoss.isEmpty()) {
			return CheckResult.warn(name(), "data loss allowed with --allow-data-loss: " + String.join(", ", dataLoss),
					"Make sure a backup exists.");
		}
		if (warnings > 0) {
			return CheckResult.warn(name(), PlanCheck.plural(warnings, "warning") + ", no errors",
					"Run `plan` to read them.");
		}
		return CheckResult.ok(name(), "none that need acknowledging");
	}

}
