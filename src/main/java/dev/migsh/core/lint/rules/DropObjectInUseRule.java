package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Set;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class DropObjectInUseRule extends StatementRule {

	private static final Set<String> KINDS = Set.of("view", "materialized view", "function", "procedure", "routine");

	DropObjectInUseRule() {
		super("BC-08", Severity.WARNING, "DROP VIEW/FUNCTION/PROCEDURE",
				"Code still running during the deploy may call the function or query the view, and fails at once.",
				"Expand and contract: deploy code that no longer uses the object, then drop it in a later "
						+ "migration.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return DropStatement.parse(ctx.tokens())
			.filter(drop -> KINDS.contains(drop.kind()) && !drop.cascade())
			.map(drop -> List
				.of("dropping " + drop.kind() + " " + drop.namesText() + " breaks code that still uses it"))
			.orElse(List.of());
	}

}
