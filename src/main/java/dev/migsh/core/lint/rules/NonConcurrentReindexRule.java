package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class NonConcurrentReindexRule extends StatementRule {

	NonConcurrentReindexRule() {
		super("LK-03", Severity.WARNING, "REINDEX without CONCURRENTLY",
				"REINDEX blocks writes to the table and, because planning locks every index of the table, "
						+ "virtually any query that would use it.",
				"REINDEX INDEX CONCURRENTLY i (PostgreSQL 12+), in a non-transactional section; if it fails, drop "
						+ "the leftover i_ccnew index and retry.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (!t.startsWith("reindex") || concurrently(t)) {
			return List.of();
		}
		return List.of("REINDEX without CONCURRENTLY blocks writes and most reads of the table while it rebuilds");
	}

	static boolean concurrently(Tokens t) {
		return t.startsWith("reindex") && t.contains("concurrently");
	}

	@Override
	String safeAlternative(StatementContext ctx) {
		if (ctx.atLeast(120000)) {
			return safeAlternative();
		}
		return "REINDEX CONCURRENTLY needs PostgreSQL 12 (server is " + ctx.lint().majorVersion() + "): build a "
				+ "replacement with CREATE INDEX CONCURRENTLY i_new ON t (...), then DROP INDEX CONCURRENTLY i and "
				+ "ALTER INDEX i_new RENAME TO i, each in a non-transactional section.";
	}

}
