package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.CreateIndex;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class NonConcurrentIndexRule extends StatementRule {

	NonConcurrentIndexRule() {
		super("LK-01", Severity.WARNING, "CREATE INDEX without CONCURRENTLY on an existing table",
				"CREATE INDEX takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits for the whole "
						+ "index build.",
				"CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (...), alone in a non-transactional section "
						+ "(-- migrate:up transaction:false), then check pg_index.indisvalid; a failed build leaves an "
						+ "INVALID index to drop before retrying.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return CreateIndex.parse(ctx.tokens())
			.filter(index -> !index.concurrently() && ctx.existing(index.table()))
			.map(index -> List.of("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX on " + index.table()
					+ " blocks writes to it for the whole build"))
			.orElse(List.of());
	}

}
