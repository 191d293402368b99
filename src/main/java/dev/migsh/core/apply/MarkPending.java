package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.history.HistoryState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * The {@code mark-pending} command: removes an applied (or marked, or missing)
 * migration's history row without running its down section.
 */
public final class MarkPending {

	private final EngineSettings settings;

	public MarkPending(EngineSettings settings) {
		this.settings = settings;
	}

	/**
	 * The history row mark-pending would remove; refuses a pending or failed migration.
	 */
	public static AppliedMigration appliedRow(StatusReport status, String id) {
		MigrationStatus row = status.resolve(id);
		AppliedMigration applied = row.applied()
			.orElseThrow(() -> new MigshException("Migration " + row.id() + " is not in the history (pending)",
					"Nothing to mark pending.", ExitCode.PREFLIGHT_REFUSED, null));
		if (applied.state() == HistoryState.FAILED) {
			throw new MigshException("Migration " + row.id() + " is recorded as failed, not applied",
					"Run `repair` to clear the failed row.", ExitCode.PREFLIGHT_REFUSED, null);
		}
		return applied;
	}

	/** Returns the row that was removed. */
	public AppliedMigration run(MigrationCatalog migrations, String id, HistoryExpectation expected, Duration lockWait,
			LockWaitListener listener, Cancellation cancellation) {
		try (LockedSession session = LockedSession.open(this.settings, "mark-pending", lockWait, listener,
				cancellation)) {
			StatusReport status = StatusReport.of(migrations, session.readHistory());
			expected.check(status);
			AppliedMigration applied = appliedRow(status, id);
			Connection connection = session.connection();
			connection.setAutoCommit(false);
			try {
				session.lock().verify();
				session.history().delete(connection, applied.id());
				session.kept()
					.removed(connection, applied.id(), applied.version(),
							status.appliedInOrder()
								.stream()
								.filter(s -> !s.id().equals(applied.id()))
								.map(dev.migsh.core.plan.MigrationStatus::version)
								.toList());
				session.audit(AuditAction.MARK_PENDING, applied.id(), AuditOutcome.OK,
						"removed from the history (was " + applied.state().word() + "); its down section did not run");
				connection.commit();
			}
			finally {
				session.resetQuietly();
			}
			return applied;
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("mark-pending " + id + " failed", ex, "Run `status` to see the history.");
		}
	}

}
