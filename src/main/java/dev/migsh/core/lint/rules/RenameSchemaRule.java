package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class RenameSchemaRule extends StatementRule {

	RenameSchemaRule() {
		super("BC-03", Severity.WARNING, "ALTER SCHEMA ... RENAME",
				"Every object in the schema changes its qualified name at once; running code and search_path "
						+ "settings that name the old schema break.",
				"Create the new schema, move or duplicate objects with dual writes, and retire the old schema once "
						+ "nothing refers to it.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (t.startsWith("alter", "schema") && t.at(3, "rename", "to")) {
			return List.of("renaming schema " + t.identifier(2) + " breaks every reference to its objects");
		}
		return List.of();
	}

}
