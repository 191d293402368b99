package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class UniqueConstraintRule extends StatementRule {

	UniqueConstraintRule() {
		super("LK-09", Severity.WARNING, "ADD UNIQUE constraint without an existing index",
				"The unique index is built while ACCESS EXCLUSIVE is held: reads and writes wait for the whole build, "
						+ "and it fails on the first duplicate.",
				"CREATE UNIQUE INDEX CONCURRENTLY t_c_key ON t (c) in a non-transactional section; check "
						+ "pg_index.indisvalid; then ALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE USING INDEX t_c_key "
						+ "(a brief lock).");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx, (alter, action) -> {
			boolean constraint = action.addsConstraint() && action.constraintBody().startsWith("unique")
					&& !action.contains("using", "index");
			boolean column = action.addedColumn().filter(c -> c.has("unique")).isPresent();
			if (constraint || column) {
				return Optional
					.of("adding a UNIQUE constraint to " + alter.table() + " builds its index under ACCESS EXCLUSIVE");
			}
			return Optional.empty();
		});
	}

}
