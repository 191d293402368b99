package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.lint.AlterAction;
import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.TypeChanges;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class NarrowingTypeChangeRule extends StatementRule {

	NarrowingTypeChangeRule() {
		super("DL-07", Severity.WARNING, "Narrowing or lossy column type change",
				"A smaller type fails on existing data at best; an explicit cast to varchar(n) or numeric(p,s) "
						+ "silently truncates or rounds. The table is also rewritten under ACCESS EXCLUSIVE.",
				"Check the data first (SELECT max(length(c)) FROM t, or the value range); prefer a new column, "
						+ "dual writes, a batched backfill and a switch of reads over changing the type in place.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		List<String> messages = new ArrayList<>();
		for (AlterTable alter : ctx.alterTable().stream().toList()) {
			if (ctx.createdEarlier(alter.table())) {
				continue;
			}
			for (AlterAction action : alter.actions()) {
				Tokens type = action.newType().orElse(null);
				if (type == null || TypeChanges.catalogOnly(alter, action, ctx.lint())) {
					continue;
				}
				boolean narrowingUsing = action.usingExpression().map(TypeChanges::narrowingCast).orElse(false);
				if (TypeChanges.mayNarrow(type) || narrowingUsing) {
					messages.add("changing " + alter.table() + "." + action.alteredColumn().orElse("?") + " to "
							+ type.text() + " may truncate, round or reject existing values");
				}
			}
		}
		return messages;
	}

}
