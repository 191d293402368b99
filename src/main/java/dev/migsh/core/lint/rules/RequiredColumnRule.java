package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class RequiredColumnRule extends StatementRule {

	private static final Set<String> SELF_FILLING = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4",
			"serial8");

	RequiredColumnRule() {
		super("BC-05", Severity.ERROR, "ADD COLUMN ... NOT NULL without a default",
				"On a table with rows the statement fails; if it succeeds (empty table), the old code's INSERTs "
						+ "that do not name the column start failing.",
				"Add the column nullable, or with a constant default (no rewrite since PostgreSQL 11); backfill; "
						+ "then add NOT NULL as LK-06 describes.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx, (alter, action) -> action.addedColumn()
			.filter(column -> column.has("not", "null") && column.defaultExpression().isEmpty()
					&& !column.has("generated") && !SELF_FILLING.contains(column.typeName()))
			.map(column -> "adding " + alter.table() + "." + column.name() + " NOT NULL without a default fails "
					+ "when the table has rows and breaks INSERTs from running code")
			.or(Optional::empty));
	}

}
