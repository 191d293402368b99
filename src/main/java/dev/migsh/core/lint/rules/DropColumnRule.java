package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.lint.AlterAction;
import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class DropColumnRule extends StatementRule {

	DropColumnRule() {
		super("DL-02", Severity.ERROR, "ALTER TABLE ... DROP COLUMN",
				"The column's data is lost, and running code (or an ORM that cached the column list) fails "
						+ "until it is redeployed.",
				"Stop reading and writing the column first (deploy that code), check it is unused, e.g. "
						+ "SELECT count(*) FROM t WHERE c IS NOT NULL, then drop it in a later migration.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		List<String> messages = new ArrayList<>();
		for (AlterTable alter : ctx.alterTable().stream().toList()) {
			if (ctx.createdEarlier(alter.table())) {
				continue;
			}
			for (AlterAction action : alter.actions()) {
				if (action.startsWith("drop") && !action.startsWith("drop", "constraint")) {
					int i = action.tokens().skip(1, "column");
					i = action.tokens().skip(i, "if", "exists");
					messages.add("DROP COLUMN " + action.tokens().identifier(i) + " deletes that column's data in "
							+ alter.table());
				}
			}
		}
		return messages;
	}

}
