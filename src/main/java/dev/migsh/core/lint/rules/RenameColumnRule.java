package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class RenameColumnRule extends StatementRule {

	RenameColumnRule() {
		super("BC-01", Severity.WARNING, "RENAME COLUMN",
				"The application version still running during the deploy reads and writes the old name and fails "
						+ "as soon as the rename commits.",
				"Expand and contract: add the new column, write both (trigger or code), backfill, move reads, then "
						+ "drop the old column in a later release; or rename only in the application's mapping.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx, (alter, action) -> {
			if (!action.startsWith("rename") || action.startsWith("rename", "to")
					|| action.startsWith("rename", "constraint")) {
				return Optional.empty();
			}
			int i = action.tokens().skip(1, "column");
			int to = action.tokens().find(i, "to");
			return Optional.of("renaming " + alter.table() + "." + action.tokens().identifier(i) + " to "
					+ action.tokens().identifier(to + 1) + " breaks code that still uses the old name");
		});
	}

}
