package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.migsh.core.lint.CreateIndex;
import dev.migsh.core.lint.Tokens;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.schema.InvalidIndex;
import dev.migsh.core.schema.InvalidIndexes;

/**
 * No INVALID index (what a failed or cancelled CREATE INDEX CONCURRENTLY leaves) on a
 * table the plan touches: a ⚠ naming it with the statements that drop and re-create it
 * concurrently. A ✖ when the plan's {@code CREATE INDEX ... IF NOT EXISTS name} would
 * meet an INVALID index of that name: IF NOT EXISTS would keep the broken index and call
 * the migration applied.
 */
final class InvalidIndexCheck implements PreflightCheck {

	@Override
	public String name() {
		return "invalid indexes";
	}

	@Override
	public CheckResult run(PreflightContext context) throws SQLException {
		if (context.plan().isEmpty()) {
			return context.withoutPlan(name());
		}
		MigrationPlan plan = context.plan().get();
		Set<InvalidIndex> onTouched = new LinkedHashSet<>();
		List<String> kept = new ArrayList<>();
		Set<InvalidIndex> inTheWay = new LinkedHashSet<>();
		try (Connection connection = context.dataSource().getConnection()) {
			for (MigrationPlan.TableImpact table : plan.touchedTables().values()) {
				if (table.stats().isPresent()) {
					onTouched.addAll(InvalidIndexes.on(connection, table.stats().get().schema(),
							table.stats().get().name(), null));
				}
			}
			for (MigrationPlan.Step step : plan.steps()) {
				for (MigrationPlan.PlannedStatement planned : step.statements()) {
					Optional<CreateIndex> create = CreateIndex.parse(Tokens.lex(planned.statement().sent()));
					if (create.isEmpty() || create.get().name().isEmpty()) {
						continue;
					}
					List<InvalidIndex> found = InvalidIndexes.on(connection, create.get().table().schema(),
							create.get().table().name(), create.get().name().get());
					for (InvalidIndex index : found) {
						inTheWay.add(index);
						kept.add(step.file().id() + " creates index " + index.name()
								+ (create.get().ifNotExists()
										? " IF NOT EXISTS, but " + index.describe()
												+ ": IF NOT EXISTS would keep the broken one"
										: ", but " + index.describe() + " already: apply would fail"));
					}
				}
			}
		}
		if (!inTheWay.isEmpty()) {
			return CheckResult.fail(name(), String.join("; ", kept), "Drop it first, then apply builds it again: "
					+ String.join(" ", inTheWay.stream().map(InvalidIndex::dropStatement).toList()));
		}
		if (!onTouched.isEmpty()) {
			return CheckResult.warn(name(),
					String.join("; ", onTouched.stream().map(InvalidIndex::describe).toList())
							+ " (left by a failed CREATE INDEX CONCURRENTLY: unused by queries, still slowing writes)",
					"Rebuild it without blocking writes: " + String.join(" ",
							onTouched.stream()
								.flatMap(i -> List.of(i.dropStatement(), i.recreateStatement()).stream())
								.toList()));
		}
		int tables = (int) plan.touchedTables().values().stream().filter(t -> t.stats().isPresent()).count();
		return CheckResult.ok(name(), tables == 0 ? "the plan touches no existing table"
				: "no INVALID index on the " + PlanCheck.plural(tables, "table") + " touched");
	}

}
