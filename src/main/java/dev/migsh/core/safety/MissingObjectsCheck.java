package dev.migsh.core.safety;

import java.sql.SQLException;
import java.util.List;

import dev.migsh.core.plan.ObjectTimeline.Outcome;
import dev.migsh.core.plan.ObjectTimeline.Verdict;

/**
 * Every object the plan alters, drops (without {@code IF EXISTS}), indexes, comments on
 * or references exists, in the database or created earlier in the plan: otherwise the
 * apply fails half-way with "does not exist".
 */
final class MissingObjectsCheck implements PreflightCheck {

	@Override
	public String name() {
		return "objects to change";
	}

	@Override
	public CheckResult run(PreflightContext context) throws SQLException {
		if (context.plan().isEmpty()) {
			return context.withoutPlan(name());
		}
		List<Verdict> verdicts = context.followed().verdicts(context);
		List<String> missing = describe(verdicts, Outcome.MISSING);
		if (!missing.isEmpty()) {
			return CheckResult.fail(name(), String.join("; ", missing) + " (apply would fail: does not exist)",
					"Create the object in an earlier migration, fix the name (or its schema), or add IF EXISTS.");
		}
		List<String> maybe = describe(verdicts, Outcome.MAYBE_MISSING);
		if (!maybe.isEmpty()) {
			return CheckResult.warn(name(),
					String.join("; ", maybe) + " unless an earlier DO block or CALL creates "
							+ (maybe.size() == 1 ? "it" : "them"),
					"Check that the earlier statement creates the object, or create it with plain DDL.");
		}
		return CheckResult.ok(name(), "every object the plan alters, drops or uses exists when it runs");
	}

	private static List<String> describe(List<Verdict> verdicts, Outcome outcome) {
		return verdicts.stream()
			.filter(v -> v.outcome() == outcome)
			.map(v -> v.file().id() + " (" + v.where() + ") " + verb(v) + " " + v.effect().object().describe()
					+ ", which does not exist")
			.toList();
	}

	private static String verb(Verdict v) {
		return switch (v.effect().action()) {
			case ALTER -> "alters";
			case DROP -> "drops";
			default -> "uses";
		};
	}

}
