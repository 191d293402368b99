package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class NonTransactionalStatementRule extends StatementRule {

	NonTransactionalStatementRule() {
		super("TX-03", Severity.ERROR, "A statement that cannot run in a transaction, in a transactional section",
				"VACUUM, CREATE/DROP DATABASE or TABLESPACE, ALTER SYSTEM, DISCARD ALL, REINDEX SCHEMA/DATABASE/"
						+ "SYSTEM, CREATE SUBSCRIPTION, DETACH PARTITION ... CONCURRENTLY and CLUSTER without a table "
						+ "are rejected inside a transaction block; the whole section fails.",
				"Move the statement into a non-transactional section (-- migrate:up transaction:false); better, keep "
						+ "database, tablespace and system settings out of migrations altogether.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		if (!ctx.transactional()) {
			return List.of();
		}
		return what(ctx.tokens()).map(s -> List.of(s + " cannot run inside the section's transaction"))
			.orElse(List.of());
	}

	private static Optional<String> what(Tokens t) {
		if (t.startsWith("vacuum")) {
			return Optional.of("VACUUM");
		}
		if (t.startsWith("create", "database") || t.startsWith("drop", "database")
				|| t.startsWith("create", "tablespace") || t.startsWith("drop", "tablespace")
				|| t.startsWith("alter", "system") || t.startsWith("discard", "all")
				|| t.startsWith("create", "subscription")) {
			return Optional.of(t.slice(0, 2).text().toUpperCase(java.util.Locale.ROOT));
		}
		if (t.startsWith("reindex")) {
			int i = t.is(1, "(") ? t.closing(1) + 1 : 1;
			if (t.at(i, "schema") || t.at(i, "database") || t.at(i, "system")) {
				return Optional.of("REINDEX " + t.word(i).toUpperCase(java.util.Locale.ROOT));
			}
		}
		if (t.startsWith("alter", "table") && t.contains("detach", "partition") && t.contains("concurrently")) {
			return Optional.of("DETACH PARTITION ... CONCURRENTLY");
		}
		if (t.startsWith("cluster") && (t.size() == 1 || t.size() == 2 && t.at(1, "verbose"))) {
			return Optional.of("CLUSTER of every table");
		}
		if ((t.startsWith("commit", "prepared") || t.startsWith("rollback", "prepared"))) {
			return Optional.of(t.slice(0, 2).text().toUpperCase(java.util.Locale.ROOT));
		}
		return Optional.empty();
	}

}
