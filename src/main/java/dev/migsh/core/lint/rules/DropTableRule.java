package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.TableName;

final class DropTableRule extends StatementRule {

	DropTableRule() {
		super("DL-01", Severity.ERROR, "DROP TABLE",
				"The table's rows are gone for good, and application code still using the table fails at once.",
				"Deploy code that no longer uses the table first; keep a copy (ALTER TABLE t RENAME TO t_retired, "
						+ "or pg_dump -t t) and drop it in a later release after checking it is unused, e.g. "
						+ "SELECT NOT EXISTS (SELECT 1 FROM t).");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return DropStatement.parse(ctx.tokens())
			.filter(drop -> drop.kind().equals("table") || drop.kind().equals("foreign table"))
			.filter(drop -> drop.names().stream().anyMatch(t -> !ctx.createdEarlier(t)))
			.map(drop -> List.of("DROP TABLE "
					+ drop.names()
						.stream()
						.filter(t -> !ctx.createdEarlier(t))
						.map(TableName::toString)
						.reduce((a, b) -> a + ", " + b)
						.orElse("")
					+ " deletes the table and all its rows"
					+ (drop.cascade() ? ", and CASCADE also drops the views and constraints that depend on it" : "")))
			.orElse(List.of());
	}

}
