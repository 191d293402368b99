package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.lint.LockMode;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.StatementLocks;
import dev.migsh.core.lint.TableLock;
import dev.migsh.core.lint.TableName;
import dev.migsh.core.lint.Tokens;

final class ManyTablesLockedRule extends StatementRule {

	ManyTablesLockedRule() {
		super("LK-22", Severity.WARNING, "One transaction locking several existing tables",
				"Every lock is held until the transaction ends, so strong locks pile up across tables, and "
						+ "application transactions that touch them in another order deadlock with it (40P01).",
				"One table per migration; where several are needed, take the strongest lock first and always "
						+ "touch the tables in the same order as the application.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		if (!ctx.transactional()) {
			return List.of();
		}
		List<TableName> before = new ArrayList<>();
		for (int i = 0; i < ctx.index(); i++) {
			addLocked(ctx, ctx.sectionTokens().get(i), i, before);
		}
		List<TableName> after = new ArrayList<>(before);
		addLocked(ctx, ctx.tokens(), ctx.index(), after);
		if (before.size() < 2 && after.size() >= 2) {
			return List.of("this statement makes the transaction hold write-blocking locks on "
					+ String.join(", ", after.stream().map(TableName::toString).toList()) + " at once");
		}
		return List.of();
	}

	private static void addLocked(StatementContext ctx, Tokens statement, int index, List<TableName> locked) {
		// the statement itself counts: a CREATE TABLE locks only its own, new, table
		List<Tokens> earlier = ctx.sectionTokens().subList(0, index + 1);
		for (TableLock lock : StatementLocks.lockOf(statement, ctx.lint()).locks()) {
			boolean created = earlier.stream()
				.flatMap(t -> StatementContext.createdTable(t).stream())
				.anyMatch(lock.table()::sameAs);
			boolean strong = lock.mode().compareTo(LockMode.SHARE_ROW_EXCLUSIVE) >= 0;
			if (strong && !created && ctx.lint().mayExist(lock.table())
					&& locked.stream().noneMatch(lock.table()::sameAs)) {
				locked.add(lock.table());
			}
		}
	}

}
