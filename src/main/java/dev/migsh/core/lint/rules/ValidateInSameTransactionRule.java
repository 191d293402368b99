package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class ValidateInSameTransactionRule extends StatementRule {

	ValidateInSameTransactionRule() {
		super("LK-12", Severity.WARNING, "NOT VALID and VALIDATE CONSTRAINT in one transaction",
				"The ACCESS EXCLUSIVE lock taken by ADD ... NOT VALID is held until the transaction ends, so the "
						+ "validating scan runs under it and NOT VALID gains nothing.",
				"Put VALIDATE CONSTRAINT in a later migration, or in a non-transactional section so each "
						+ "statement commits on its own.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		if (!ctx.transactional()) {
			return List.of();
		}
		return onExistingTableActions(ctx, (alter, action) -> {
			if (!action.startsWith("validate", "constraint")) {
				return Optional.empty();
			}
			String name = action.tokens().identifier(2);
			boolean addedHere = ctx.earlier()
				.stream()
				.flatMap(t -> AlterTable.parse(t).stream())
				.filter(earlier -> earlier.table().sameAs(alter.table()))
				.flatMap(earlier -> earlier.actions().stream())
				.anyMatch(a -> a.notValid() && a.constraintName().filter(name::equals).isPresent());
			return addedHere
					? Optional.of("constraint " + name + " is added NOT VALID and validated in the same "
							+ "transaction, so the scan runs under ACCESS EXCLUSIVE on " + alter.table())
					: Optional.empty();
		});
	}

}
