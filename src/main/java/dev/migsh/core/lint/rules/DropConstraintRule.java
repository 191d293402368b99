package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.lint.AlterAction;
import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class DropConstraintRule extends StatementRule {

	DropConstraintRule() {
		super("DL-09", Severity.WARNING, "ALTER TABLE ... DROP CONSTRAINT",
				"The integrity guarantee is gone at once: duplicates, orphans or invalid values can arrive before "
						+ "anyone notices, and they are hard to clean up afterwards.",
				"Keep the constraint unless the data model really changed; to replace it, add the new constraint "
						+ "(NOT VALID, then VALIDATE) before dropping the old one.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		List<String> messages = new ArrayList<>();
		for (AlterTable alter : ctx.alterTable().stream().toList()) {
			if (ctx.createdEarlier(alter.table())) {
				continue;
			}
			for (AlterAction action : alter.actions()) {
				if (action.startsWith("drop", "constraint")) {
					int i = action.tokens().skip(2, "if", "exists");
					messages.add("dropping constraint " + action.tokens().identifier(i) + " on " + alter.table()
							+ " removes an integrity guarantee");
				}
			}
		}
		return messages;
	}

}
