package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class ExclusionConstraintRule extends StatementRule {

	ExclusionConstraintRule() {
		super("LK-11", Severity.WARNING, "ADD EXCLUDE constraint",
				"An exclusion constraint checks every row while holding ACCESS EXCLUSIVE, and it cannot be added "
						+ "NOT VALID.",
				"Add it in a maintenance window, or create a new table with the constraint and copy the data over.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx, (alter, action) -> {
			if (action.addsConstraint() && action.constraintBody().startsWith("exclude")) {
				return Optional.of("adding an EXCLUDE constraint to " + alter.table()
						+ " checks every row under ACCESS EXCLUSIVE");
			}
			return Optional.empty();
		});
	}

}
