package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class MoveTableRule extends StatementRule {

	MoveTableRule() {
		super("LK-18", Severity.WARNING, "SET TABLESPACE, SET LOGGED/UNLOGGED or SET ACCESS METHOD",
				"Each of these copies or rewrites the whole table under ACCESS EXCLUSIVE.",
				"Run it in a maintenance window, or build a new table and copy the data over online.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx, (alter, action) -> {
			if (action.startsWith("set", "tablespace") || action.startsWith("set", "logged")
					|| action.startsWith("set", "unlogged") || action.startsWith("set", "access", "method")) {
				return Optional.of(action.tokens().slice(0, 2).text().toUpperCase(java.util.Locale.ROOT) + " rewrites "
						+ alter.table() + " under ACCESS EXCLUSIVE");
			}
			return Optional.empty();
		});
	}

}
