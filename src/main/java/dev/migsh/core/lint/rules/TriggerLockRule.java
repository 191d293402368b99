package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.TableName;
import dev.migsh.core.lint.Tokens;

final class TriggerLockRule extends StatementRule {

	TriggerLockRule() {
		super("LK-17", Severity.INFO, "CREATE TRIGGER or ENABLE/DISABLE TRIGGER",
				"These take SHARE ROW EXCLUSIVE on the table: writes wait while the statement waits for its lock "
						+ "and until the transaction ends.",
				"Keep the transaction short (the trigger alone, no backfill in the same section) and rely on "
						+ "lock_timeout with retries.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (t.startsWith("create") && t.find(0, "trigger") >= 0 && t.find(0, "trigger") <= 4) {
			int on = t.find(0, "on");
			Optional<TableName> table = t.nameAt(on + 1);
			if (table.isPresent() && ctx.existing(table.get())) {
				return List
					.of("creating a trigger on " + table.get() + " blocks writes to it until the transaction ends");
			}
			return List.of();
		}
		return onExistingTableActions(ctx, (alter, action) -> {
			if ((action.startsWith("enable") || action.startsWith("disable")) && action.contains("trigger")) {
				return Optional.of("enabling or disabling a trigger on " + alter.table()
						+ " blocks writes to it until the transaction ends");
			}
			return Optional.empty();
		});
	}

}
