package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.TypeChanges;
import dev.migsh.core.lint.StatementContext;

final class TypeChangeRewriteRule extends StatementRule {

	TypeChangeRewriteRule() {
		super("LK-05", Severity.WARNING, "ALTER COLUMN ... TYPE",
				"Changing a column's type rewrites the table and its indexes under ACCESS EXCLUSIVE unless the old "
						+ "type is binary coercible to the new one (varchar(n) widened, varchar to text, numeric "
						+ "precision raised at the same scale); clients may also see a different type.",
				"If the change is only a widening, leave it. Otherwise: add a column of the new type, keep both in "
						+ "sync with a trigger, backfill in batches, switch reads, then drop the old column.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx,
				(alter, action) -> action.newType()
					.filter(type -> !TypeChanges.rewriteFree(type) || action.usingExpression().isPresent())
					.filter(type -> !TypeChanges.catalogOnly(alter, action, ctx.lint()))
					.map(type -> "changing " + alter.table() + "." + action.alteredColumn().orElse("?") + " to "
							+ type.text() + " rewrites the table under ACCESS EXCLUSIVE unless it only widens the type")
					.or(Optional::empty));
	}

}
