package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class TransactionControlRule extends StatementRule {

	TransactionControlRule() {
		super("TX-04", Severity.ERROR, "BEGIN/COMMIT/ROLLBACK inside a section",
				"migsh already wraps a transactional section in one transaction: a COMMIT ends it early, so later "
						+ "statements and the history row run outside it; a BEGIN with no COMMIT leaves work that is "
						+ "never applied.",
				"Remove transaction control from the file; use -- migrate:up transaction:false when statements must "
						+ "commit one by one.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (ctx.transactional()) {
			if (opens(t) || closes(t)) {
				return List.of(t.word(0).toUpperCase(java.util.Locale.ROOT)
						+ " interferes with the transaction migsh runs the section in");
			}
			return List.of();
		}
		if (opens(t) && ctx.later().stream().noneMatch(TransactionControlRule::closes)) {
			return List.of("BEGIN without a later COMMIT leaves the section's work uncommitted");
		}
		return List.of();
	}

	private static boolean opens(Tokens t) {
		return (t.startsWith("begin") && (t.size() == 1 || t.at(1, "transaction") || t.at(1, "work")
				|| t.at(1, "isolation") || t.at(1, "read"))) || t.startsWith("start", "transaction");
	}

	private static boolean closes(Tokens t) {
		boolean prepared = t.at(1, "prepared");
		boolean toSavepoint = t.contains("to");
		return ((t.startsWith("commit") || t.startsWith("end") || t.startsWith("abort")) && !prepared)
				|| (t.startsWith("rollback") && !prepared && !toSavepoint);
	}

}
