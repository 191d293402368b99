package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import dev.migsh.core.apply.LockHolder;
import dev.migsh.core.apply.MigrationLock;
import dev.migsh.core.history.HistoryTable;

/**
 * Whether another session holds the migration lock. Never a refusal: the change waits for
 * the lock (up to the lock wait) when it runs, so a held lock is a ⚠ naming the holder.
 */
final class MigrationLockCheck implements PreflightCheck {

	@Override
	public String name() {
		return "migration lock";
	}

	@Override
	public CheckResult run(PreflightContext context) throws SQLException {
		String table = new HistoryTable(context.config().historySchema()).qualifiedName();
		try (Connection connection = context.dataSource().getConnection()) {
			Optional<LockHolder> holder = MigrationLock.holder(connection, table);
			if (holder.isPresent()) {
				return CheckResult.warn(name(), "held by " + holder.get().describe() + "; the change waits for it",
						"It waits up to --lock-wait (Ctrl-C stops waiting); if that session is stuck, end it with"
								+ " SELECT pg_terminate_backend(" + holder.get().pid() + ").");
			}
			return CheckResult.ok(name(), "free");
		}
	}

}
