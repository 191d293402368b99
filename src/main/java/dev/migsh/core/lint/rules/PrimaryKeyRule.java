package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class PrimaryKeyRule extends StatementRule {

	PrimaryKeyRule() {
		super("LK-10", Severity.WARNING, "ADD PRIMARY KEY without an existing index",
				"The primary key's index is built under ACCESS EXCLUSIVE, and nullable key columns are also "
						+ "scanned for an implicit SET NOT NULL.",
				"CREATE UNIQUE INDEX CONCURRENTLY t_pkey ON t (id) in a non-transactional section; make the "
						+ "columns NOT NULL as LK-06 describes; then ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY "
						+ "USING INDEX t_pkey.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx, (alter, action) -> {
			boolean constraint = action.addsConstraint() && action.constraintBody().startsWith("primary", "key")
					&& !action.contains("using", "index");
			boolean column = action.addedColumn().filter(c -> c.has("primary", "key")).isPresent();
			if (constraint || column) {
				return Optional
					.of("adding a PRIMARY KEY to " + alter.table() + " builds its index under ACCESS EXCLUSIVE");
			}
			return Optional.empty();
		});
	}

}
