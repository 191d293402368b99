package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import dev.migsh.core.apply.LockHolder;
import dev.migsh.core.apply.MigrationLock;
import dev.migsh.core.history.HistoryTable;

/** Nobody holds the migration lock (another apply, undo or repair is not running). */
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
				return CheckResult.fail(name(), "held by " + holder.get().describe(),
						"Wait for that session to finish (apply waits up to the lock wait), or end it with"
								+ " SELECT pg_terminate_backend(" + holder.get().pid() + ") if it is stuck.");
			}
			return CheckResult.ok(name(), "free");
		}
	}

}
