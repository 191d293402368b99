package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class ForeignKeyWithoutNotValidRule extends StatementRule {

	ForeignKeyWithoutNotValidRule() {
		super("LK-08", Severity.WARNING, "ADD FOREIGN KEY without NOT VALID",
				"Adding a foreign key validates every row while holding SHARE ROW EXCLUSIVE on both tables: writes "
						+ "to the table and to the referenced table wait for the scan.",
				"ALTER TABLE t ADD CONSTRAINT t_x_fk FOREIGN KEY (x_id) REFERENCES x (id) NOT VALID; then, in a "
						+ "later transaction, ALTER TABLE t VALIDATE CONSTRAINT t_x_fk. For ADD COLUMN ... "
						+ "REFERENCES, add the column first and the constraint that way.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx, (alter, action) -> {
			boolean constraint = action.addsConstraint() && action.constraintBody().startsWith("foreign", "key")
					&& !action.notValid();
			boolean column = action.addedColumn().filter(c -> c.has("references")).isPresent();
			if (constraint || column) {
				int references = action.tokens().find(0, "references");
				String target = action.tokens().nameAt(references + 1).map(Object::toString).orElse("?");
				return Optional.of("adding a foreign key from " + alter.table() + " to " + target
						+ " without NOT VALID blocks writes to both tables while it checks every row");
			}
			return Optional.empty();
		});
	}

}
