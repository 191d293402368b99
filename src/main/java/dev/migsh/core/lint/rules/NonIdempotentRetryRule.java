package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.CreateIndex;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class NonIdempotentRetryRule extends StatementRule {

	NonIdempotentRetryRule() {
		super("TX-05", Severity.WARNING, "Statement that fails on retry in a non-transactional section",
				"A non-transactional section that fails halfway keeps what already ran; re-running it then fails "
						+ "on the first statement with 'already exists' (or 'does not exist').",
				"Write every statement so it can run twice: CREATE INDEX CONCURRENTLY IF NOT EXISTS, DROP INDEX "
						+ "CONCURRENTLY IF EXISTS, CREATE TABLE IF NOT EXISTS; and after a failed concurrent build "
						+ "drop the INVALID index (pg_index.indisvalid = false) before retrying.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		if (ctx.transactional() || ctx.sectionTokens().size() < 2) {
			return List.of();
		}
		Tokens t = ctx.tokens();
		boolean createIndex = CreateIndex.parse(t).filter(index -> !index.ifNotExists()).isPresent();
		boolean dropIndex = DropStatement.parse(t).filter(d -> d.kind().equals("index") && !d.ifExists()).isPresent();
		boolean createTable = StatementContext.createdTable(t).isPresent() && !t.contains("if", "not", "exists");
		if (createIndex || dropIndex || createTable) {
			return List.of(t.slice(0, 3).text().toUpperCase(java.util.Locale.ROOT)
					+ " fails when the section is re-run after a partial failure");
		}
		return List.of();
	}

}
