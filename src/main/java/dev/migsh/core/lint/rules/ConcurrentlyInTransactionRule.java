package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.CreateIndex;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class ConcurrentlyInTransactionRule extends StatementRule {

	ConcurrentlyInTransactionRule() {
		super("TX-01", Severity.ERROR, "CONCURRENTLY in a transactional section",
				"CREATE/DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY cannot run inside a transaction block: "
						+ "the section fails with SQLSTATE 25001 and nothing of it is applied.",
				"Put the statement in a non-transactional section (-- migrate:up transaction:false), ideally as "
						+ "its only statement, with IF [NOT] EXISTS so a retry is safe.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		if (!ctx.transactional()) {
			return List.of();
		}
		Tokens t = ctx.tokens();
		boolean create = CreateIndex.parse(t).filter(CreateIndex::concurrently).isPresent();
		boolean drop = DropStatement.parse(t).filter(d -> d.kind().equals("index") && d.concurrently()).isPresent();
		boolean reindex = NonConcurrentReindexRule.concurrently(t);
		if (create || drop || reindex) {
			return List.of(t.slice(0, 3).text().toUpperCase(java.util.Locale.ROOT)
					+ " cannot run inside the section's transaction");
		}
		return List.of();
	}

}
