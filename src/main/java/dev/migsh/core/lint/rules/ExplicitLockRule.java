package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.StatementLocks;

final class ExplicitLockRule extends StatementRule {

	ExplicitLockRule() {
		super("LK-19", Severity.WARNING, "LOCK TABLE",
				"An explicit LOCK (ACCESS EXCLUSIVE unless a mode is named) holds the table for the rest of the "
						+ "transaction, whatever the later statements need.",
				"Remove it and let each statement take its own lock, or name the weakest mode that is enough "
						+ "(LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE).");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		if (!ctx.tokens().startsWith("lock")) {
			return List.of();
		}
		var lock = StatementLocks.lockOf(ctx.tokens(), ctx.lint());
		return List.of("LOCK takes " + lock.strongest().sqlName() + " on "
				+ String.join(", ", lock.locks().stream().map(l -> l.table().toString()).toList())
				+ " until the transaction ends");
	}

}
