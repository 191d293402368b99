package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class DomainConstraintRule extends StatementRule {

	DomainConstraintRule() {
		super("LK-21", Severity.WARNING, "Domain with a CHECK constraint",
				"ALTER DOMAIN ... ADD CONSTRAINT checks every column of every table using the domain; a column "
						+ "later converted to a constrained domain forces a table rewrite.",
				"Put the CHECK on the columns themselves (ADD CONSTRAINT ... NOT VALID, then VALIDATE), or add "
						+ "the domain constraint NOT VALID and VALIDATE it in a later transaction.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (t.startsWith("create", "domain") && t.containsTopLevel("check")) {
			return List.of("domain " + t.nameAt(2).map(Object::toString).orElse("?")
					+ " has a CHECK: converting existing columns to it rewrites their tables");
		}
		if (t.startsWith("alter", "domain") && t.containsTopLevel("add") && !t.containsTopLevel("not", "valid")) {
			return List.of("adding a constraint to domain " + t.nameAt(2).map(Object::toString).orElse("?")
					+ " checks every column that uses it");
		}
		return List.of();
	}

}
