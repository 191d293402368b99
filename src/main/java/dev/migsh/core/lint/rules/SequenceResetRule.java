package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class SequenceResetRule extends StatementRule {

	SequenceResetRule() {
		super("DL-10", Severity.WARNING, "ALTER SEQUENCE ... RESTART or setval()",
				"A sequence set below the highest id in use hands out ids that already exist: inserts then fail "
						+ "with duplicate keys, or rows are overwritten by upserts.",
				"Compute the value from the data in the same statement: SELECT setval('t_id_seq', (SELECT "
						+ "coalesce(max(id), 0) + 1 FROM t), false).");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (t.startsWith("alter", "sequence") && t.containsTopLevel("restart")) {
			return List.of("ALTER SEQUENCE ... RESTART moves the sequence, possibly below ids already used");
		}
		int setval = t.find(0, "setval", "(");
		if (setval >= 0) {
			int close = t.closing(setval + 1);
			boolean fromData = t.slice(setval + 1, close).contains("max");
			if (!fromData) {
				return List.of("setval() sets the sequence to a fixed value, possibly below ids already used");
			}
		}
		return List.of();
	}

}
