package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.LockMode;
import dev.migsh.core.lint.SectionStatements;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.StatementLocks;
import dev.migsh.core.lint.TableLock;
import dev.migsh.core.lint.TableName;

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
		return ctx.statements()
			.memo(ManyTablesLockedRule.class, ManyTablesLockedRule::secondTableLocked)
			.filter(crossing -> crossing.index() == ctx.index())
			.map(crossing -> List.of("this statement makes the transaction hold write-blocking locks on "
					+ String.join(", ", crossing.locked().stream().map(TableName::toString).toList()) + " at once"))
			.orElse(List.of());
	}

	/**
	 * The statement after which the transaction holds write-blocking locks on two
	 * existing tables, and the tables locked then; found in one walk over the section.
	 */
	private static Optional<Crossing> secondTableLocked(SectionStatements statements) {
		List<TableName> locked = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			int before = locked.size();
			addLocked(statements, i, locked);
			if (before < 2 && locked.size() >= 2) {
				return Optional.of(new Crossing(i, List.copyOf(locked)));
			}
		}
		return Optional.empty();
	}

	private static void addLocked(SectionStatements statements, int index, List<TableName> locked) {
		for (TableLock lock : StatementLocks.lockOf(statements.get(index), statements.lint()).locks()) {
			// the statement itself counts: a CREATE TABLE locks only its own, new, table
			boolean created = statements.createdBefore(lock.table(), index + 1);
			boolean strong = lock.mode().compareTo(LockMode.SHARE_ROW_EXCLUSIVE) >= 0;
			if (strong && !created && statements.lint().mayExist(lock.table())
					&& locked.stream().noneMatch(lock.table()::sameAs)) {
				locked.add(lock.table());
			}
		}
	}

	private record Crossing(int index, List<TableName> locked) {
	}

}
