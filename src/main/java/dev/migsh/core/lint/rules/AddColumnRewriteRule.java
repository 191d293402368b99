package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.ColumnDefaults;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class AddColumnRewriteRule extends StatementRule {

	AddColumnRewriteRule() {
		super("LK-04", Severity.WARNING, "ADD COLUMN that rewrites the table",
				"A volatile default (clock_timestamp(), random(), gen_random_uuid()), a serial or identity column, "
						+ "a stored generated column, or any default before PostgreSQL 11 rewrites the table and "
						+ "its indexes under ACCESS EXCLUSIVE, needing up to twice the disk space.",
				"Add the column nullable without a default; ALTER COLUMN c SET DEFAULT ... (new rows only); "
						+ "backfill existing rows in batches in a separate data migration; then add NOT NULL as "
						+ "LK-06 describes. For identity or generated columns, fill them from a trigger or copy "
						+ "into a new table.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx,
				(alter, action) -> action.addedColumn()
					.flatMap(column -> ColumnDefaults.rewriteReason(column, ctx.lint())
						.map(reason -> "adding column " + column.name() + " rewrites " + alter.table() + ": " + reason))
					.or(Optional::empty));
	}

}
