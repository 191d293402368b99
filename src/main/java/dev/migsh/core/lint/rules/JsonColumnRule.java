package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.lint.AlterAction;
import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class JsonColumnRule extends StatementRule {

	JsonColumnRule() {
		super("BC-10", Severity.INFO, "A json column rather than jsonb",
				"json has no equality operator, so SELECT DISTINCT, GROUP BY and UNION over the table's rows stop "
						+ "working, and it cannot be indexed like jsonb.",
				"Use jsonb.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		List<String> messages = new ArrayList<>();
		Tokens t = ctx.tokens();
		if (StatementContext.createdTable(t).isPresent()) {
			int open = t.find(0, "(");
			if (open >= 0) {
				for (Tokens column : t.slice(open + 1, t.closing(open)).splitTopLevel()) {
					if (column.isIdentifier(0) && column.at(1, "json")) {
						messages.add("column " + column.identifier(0) + " is json; jsonb is almost always meant");
					}
				}
			}
		}
		for (AlterTable alter : ctx.alterTable().stream().toList()) {
			for (AlterAction action : alter.actions()) {
				boolean added = action.addedColumn().filter(c -> c.typeName().equals("json")).isPresent();
				boolean changed = action.newType().filter(type -> type.size() == 1 && type.at(0, "json")).isPresent();
				if (added || changed) {
					messages.add("a json column on " + alter.table() + "; jsonb is almost always meant");
				}
			}
		}
		return messages;
	}

}
