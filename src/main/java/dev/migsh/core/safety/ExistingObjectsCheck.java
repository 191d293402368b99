package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.plan.ObjectTimeline;
import dev.migsh.core.plan.ObjectTimeline.Outcome;
import dev.migsh.core.plan.ObjectTimeline.Verdict;
import dev.migsh.core.plan.StatementEffects;

/**
 * No object a pending migration creates exists already, in the database or earlier in the
 * plan: that would fail with "relation already exists", typically on a database changed
 * by hand, and is fixed by {@code mark-applied} once the objects are checked.
 * {@code IF NOT EXISTS} and {@code OR REPLACE} make an existing object fine.
 */
final class ExistingObjectsCheck implements PreflightCheck {

	@Override
	public String name() {
		return "objects to create";
	}

	@Override
	public CheckResult run(PreflightContext context) throws SQLException {
		if (context.plan().isEmpty()) {
			return context.withoutPlan(name());
		}
		List<Verdict> verdicts = context.followed().verdicts(context);
		Map<MigrationFile, List<Verdict>> clashes = new LinkedHashMap<>();
		List<String> noOps = new ArrayList<>();
		List<String> replaced = new ArrayList<>();
		for (Verdict v : verdicts) {
			if (v.outcome() == Outcome.EXISTS_ALREADY) {
				clashes.computeIfAbsent(v.file(), f -> new ArrayList<>()).add(v);
			}
			else if (v.outcome() == Outcome.NO_OP && v.effect().action() == StatementEffects.Action.CREATE) {
				noOps.add(v.effect().object().describe());
			}
			else if (v.outcome() == Outcome.REPLACED) {
				replaced.add(v.effect().object().describe());
			}
		}
		if (!clashes.isEmpty()) {
			List<String> lines = new ArrayList<>();
			clashes.forEach((file,
					list) -> lines.add(file.id() + " creates "
							+ String.join(", ", list.stream().map(v -> v.effect().object().describe()).toList())
							+ ", which already exist" + (list.size() == 1 ? "s" : "")));
			MigrationFile first = clashes.keySet().iterator().next();
			boolean allExist = clashes.get(first).size() == mustBeNew(first);
			String hint = allExist
					? "If they were created by hand and match the file, record it without running it: `mark-applied "
							+ first.id() + "`."
					: "Some of its objects exist and some do not: compare with `describe`, then finish the objects by hand"
							+ " and run `mark-applied " + first.id() + "`, or drop the stray ones.";
			return CheckResult.fail(name(), String.join("; ", lines) + " (apply would fail: relation already exists)",
					hint);
		}
		int created = context.plan()
			.get()
			.steps()
			.stream()
			.mapToInt(s -> s.file()
				.up()
				.statements()
				.stream()
				.mapToInt(st -> StatementEffects.of(st).created().size())
				.sum())
			.sum();
		int fresh = created - noOps.size() - replaced.size();
		String line = created == 0 ? "the plan creates no named objects"
				: "none of the " + PlanCheck.plural(fresh, "object") + " the plan creates exists yet";
		if (!noOps.isEmpty()) {
			line += "; " + String.join(", ", noOps) + " exist" + (noOps.size() == 1 ? "s" : "")
					+ ": IF NOT EXISTS makes " + (noOps.size() == 1 ? "it" : "them") + " a no-op";
		}
		if (!replaced.isEmpty()) {
			line += "; " + String.join(", ", replaced) + " exist" + (replaced.size() == 1 ? "s" : "")
					+ ": OR REPLACE replaces " + (replaced.size() == 1 ? "it" : "them");
		}
		return CheckResult.ok(name(), line);
	}

	/** The plan followed against the database, statement by statement. */
	static List<Verdict> follow(PreflightContext context) throws SQLException {
		try (Connection connection = context.dataSource().getConnection()) {
			DatabaseObjects database = new DatabaseObjects(connection);
			database.prefetch(context.plan()
				.get()
				.steps()
				.stream()
				.flatMap(step -> step.file().up().statements().stream())
				.flatMap(statement -> StatementEffects.of(statement).effects().stream())
				.map(StatementEffects.Effect::object)
				.toList());
			ObjectTimeline timeline = new ObjectTimeline(database.searchPath(), database);
			return timeline.follow(context.plan().get().steps().stream().map(MigrationPlan.Step::file).toList());
		}
	}

	/** How many objects the file creates that must not exist yet. */
	private static long mustBeNew(MigrationFile file) {
		return file.up()
			.statements()
			.stream()
			.flatMap(s -> StatementEffects.of(s).effects().stream())
			.filter(StatementEffects.Effect::needsAbsent)
			.count();
	}

}
