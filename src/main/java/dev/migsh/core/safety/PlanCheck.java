package dev.migsh.core.safety;

import dev.migsh.core.plan.MigrationPlan;

/** A plan could be made for the target: what would run, or why nothing can. */
final class PlanCheck implements PreflightCheck {

	@Override
	public String name() {
		return "plan";
	}

	@Override
	public CheckResult run(PreflightContext context) {
		if (context.planProblem().isPresent()) {
			return CheckResult.fail(name(), context.planProblem().get().getMessage(),
					context.planProblem().get().hint());
		}
		MigrationPlan plan = context.plan().orElseThrow();
		if (plan.isEmpty()) {
			return CheckResult.ok(name(), "nothing pending");
		}
		int statements = plan.steps().stream().mapToInt(s -> s.statements().size()).sum();
		return CheckResult.ok(name(), plural(plan.steps().size(), "migration") + ", " + plural(statements, "statement")
				+ ", fingerprint " + plan.fingerprint().hash());
	}

	static String plural(int n, String word) {
		return n + " " + word + (n == 1 ? "" : "s");
	}

}
