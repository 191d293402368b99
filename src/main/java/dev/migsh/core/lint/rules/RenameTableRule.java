package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class RenameTableRule extends StatementRule {

	RenameTableRule() {
		super("BC-02", Severity.WARNING, "RENAME a table",
				"Running code still queries the old table name and fails as soon as the rename commits.",
				"Rename and, in the same transaction, CREATE VIEW old_name AS SELECT * FROM new_name (simple views "
						+ "are updatable); drop the view once no code uses the old name.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx,
				(alter, action) -> action.startsWith("rename", "to") ? Optional.of("renaming " + alter.table() + " to "
						+ action.tokens().identifier(2) + " breaks code that still uses the old name")
						: Optional.empty());
	}

}
