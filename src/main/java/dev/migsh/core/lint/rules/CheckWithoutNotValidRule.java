package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class CheckWithoutNotValidRule extends StatementRule {

	CheckWithoutNotValidRule() {
		super("LK-07", Severity.WARNING, "ADD CHECK without NOT VALID",
				"Adding a CHECK constraint scans every row while holding ACCESS EXCLUSIVE: reads and writes wait "
						+ "for the whole scan.",
				"ALTER TABLE t ADD CONSTRAINT name CHECK (...) NOT VALID; then, in a later transaction, ALTER TABLE "
						+ "t VALIDATE CONSTRAINT name (SHARE UPDATE EXCLUSIVE: reads and writes continue).");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx, (alter, action) -> {
			if (action.addsConstraint() && action.constraintBody().startsWith("check") && !action.notValid()) {
				return Optional.of("adding a CHECK constraint to " + alter.table()
						+ " without NOT VALID scans it under ACCESS EXCLUSIVE");
			}
			return Optional.empty();
		});
	}

}
