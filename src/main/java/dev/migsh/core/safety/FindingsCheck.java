package dev.migsh.core.safety;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.connect.Environment;
import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.RuleFamily;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.plan.MigrationPlan;

/**
 * Every finding that stops an apply is acknowledged: unsuppressed errors need a
 * {@code -- migsh:allow ID because ...} line after review, and data-loss findings need
 * the operator's {@code --allow-data-loss} as well (in production even the possible
 * losses that are only warnings elsewhere). A locking warning on a large table (by the
 * planner's row estimate) counts as an error: there the lock or rewrite lasts long enough
 * to stop the application.
 */
final class FindingsCheck implements PreflightCheck {

	static final long LARGE_TABLE_ROWS = 1_000_000;

	private final long largeTableRows;

	FindingsCheck() {
		this(LARGE_TABLE_ROWS);
	}

	FindingsCheck(long largeTableRows) {
		this.largeTableRows = largeTableRows;
	}

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
			for (MigrationPlan.PlannedStatement statement : step.statements()) {
				for (Finding f : statement.findings()) {
					String where = f.ruleId() + " at " + step.file().id() + ":" + f.statement().line();
					if (f.dataLoss() && !f.suppressed() && (f.severity() == Severity.ERROR
							|| f.severity() == Severity.WARNING && context.environment() == Environment.PRODUCTION)) {
						dataLoss.add(where);
					}
					else if (f.blocking()) {
						blocking.add(where);
					}
					else if (f.family() == RuleFamily.LOCKING && f.severity() == Severity.WARNING && !f.suppressed()
							&& large(statement) != null) {
						blocking.add(where + " (" + large(statement) + ")");
					}
					else if (f.severity() == Severity.WARNING && !f.suppressed()) {
						warnings++;
					}
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

	/**
	 * {@code public.users has ~2,000,000 rows}, or null when no table the statement locks
	 * is large.
	 */
	private String large(MigrationPlan.PlannedStatement statement) {
		return statement.tables()
			.stream()
			.filter(t -> t.exists() && t.stats().get().rowEstimate() >= this.largeTableRows)
			.map(t -> t.stats().get().qualifiedName() + " has ~" + String.format("%,d", t.stats().get().rowEstimate())
					+ " rows")
			.findFirst()
			.orElse(null);
	}

}
