package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class DropNotNullRule extends StatementRule {

	DropNotNullRule() {
		super("BC-06", Severity.WARNING, "ALTER COLUMN ... DROP NOT NULL",
				"Running code, reports and PL/pgSQL written for a NOT NULL column may not handle the NULLs that can "
						+ "now arrive.",
				"Keep NOT NULL and use a sentinel value, or make every reader NULL-safe and deploy it before "
						+ "dropping the constraint.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx,
				(alter, action) -> action.alters("drop", "not", "null") ? Optional.of(alter.table() + "."
						+ action.alteredColumn().orElse("?") + " may now hold NULLs that running code does not expect")
						: Optional.empty());
	}

}
