package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class DropDefaultRule extends StatementRule {

	DropDefaultRule() {
		super("BC-12", Severity.WARNING, "ALTER COLUMN ... DROP DEFAULT",
				"Running code that leaves the column out of its INSERTs relied on the default: it now gets NULL, or "
						+ "a NOT NULL violation.",
				"Deploy code that always sets the column first, then drop the default in a later migration.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(
				ctx, (alter,
						action) -> action.alters("drop", "default")
								? Optional.of("INSERTs that omit " + alter.table() + "."
										+ action.alteredColumn().orElse("?") + " no longer get a default")
								: Optional.empty());
	}

}
