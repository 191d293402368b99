package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class DropSchemaRule extends StatementRule {

	DropSchemaRule() {
		super("DL-03", Severity.ERROR, "DROP SCHEMA",
				"With CASCADE it drops every table, view and function in the schema; without it, it fails as soon "
						+ "as the schema holds anything.",
				"Drop the objects one at a time, explicitly, after reviewing their dependencies; drop the empty "
						+ "schema last, without CASCADE.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return DropStatement.parse(ctx.tokens())
			.filter(drop -> drop.kind().equals("schema"))
			.map(drop -> List.of("DROP SCHEMA " + drop.namesText()
					+ (drop.cascade() ? " CASCADE drops every object in it" : " drops the schema")))
			.orElse(List.of());
	}

}
