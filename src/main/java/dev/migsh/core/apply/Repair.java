package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.plan.FailedRun;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * The {@code repair} command: for each changed migration, takes the file's checksum and
 * SQL as what ran; for each failed row, deletes it (what a partial run created stays, and
 * the result lists the statements that had run). One transaction, one audit row per
 * action.
 */
public final class Repair {

	private final EngineSettings settings;

	public Repair(EngineSettings settings) {
		this.settings = settings;
	}

	/**
	 * What repair would do to the rows of {@code status}: changed rows to accept, failed
	 * rows to clear.
	 */
	public static List<MigrationStatus> todo(StatusReport status, RepairRequest request) {
		List<MigrationStatus> rows = request.id().map(id -> List.of(status.resolve(id))).orElse(status.rows());
		return rows.stream()
			.filter(r -> (r.state() == MigrationState.CHANGED && request.acceptChanged())
					|| (r.state() == MigrationState.FAILED && request.clearFailed()))
			.toList();
	}

	public RepairResult run(MigrationCatalog migrations, RepairRequest request, HistoryExpectation expected,
			LockWaitListener listener, Cancellation cancellation) {
		try (LockedSession session = LockedSession.open(this.settings, "repair",
				request.lockWait().orElse(this.settings.lockWait()), listener, cancellation)) {
			StatusReport status = StatusReport.of(migrations, session.readHistory());
			expected.check(status);
			List<MigrationStatus> rows = todo(status, request);
			Connection connection = session.connection();
			List<RepairResult.Action> actions = new ArrayList<>();
			connection.setAutoCommit(false);
			try {
				for (MigrationStatus row : rows) {
					if (row.state() == MigrationState.CHANGED && request.acceptChanged()) {
						actions.add(accept(session, row));
					}
					else if (row.state() == MigrationState.FAILED && request.clearFailed()) {
						actions.add(clear(session, row));
					}
				}
				connection.commit();
			}
			finally {
				session.resetQuietly();
			}
			return new RepairResult(actions);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("repair failed", ex, "Nothing was changed; run `status` to see the history.");
		}
	}

	private static RepairResult.Action accept(LockedSession session, MigrationStatus row) throws SQLException {
		AppliedMigration applied = row.applied().get();
		String detail = "accepted the edited file: up checksum " + applied.currentUpChecksum() + " -> "
				+ row.file().get().up().checksum() + " (the SQL that ran stays recorded)";
		session.lock().verify();
		session.history().accept(session.connection(), row.file().get(), session.operator());
		session.audit(AuditAction.REPAIR, row.id(), AuditOutcome.OK, detail);
		return new RepairResult.Action(row.id(), RepairResult.Kind.ACCEPTED_CHANGE, detail, List.of());
	}

	private static RepairResult.Action clear(LockedSession session, MigrationStatus row) throws SQLException {
		AppliedMigration applied = row.applied().get();
		List<SqlStatement> ran = row.file()
			.map(f -> f.up().statements().subList(0, Math.min(applied.statementsDone(), f.up().statements().size())))
			.orElse(List.of());
		boolean interrupted = FailedRun.of(applied, row.file()).map(FailedRun::interrupted).orElse(false);
		String detail = "cleared the failed row (" + row.detail() + "); "
				+ (ran.isEmpty() ? "no statement had completed" : "statements 1-" + ran.size() + " had run")
				+ (interrupted ? "; statement " + (ran.size() + 1) + " was interrupted and may have run" : "")
				+ (ran.isEmpty() && !interrupted ? "" : ", and their effects stay");
		session.lock().verify();
		session.history().delete(session.connection(), row.id());
		session.audit(AuditAction.REPAIR, row.id(), AuditOutcome.OK, detail);
		return new RepairResult.Action(row.id(), RepairResult.Kind.CLEARED_FAILED, detail, ran);
	}

}
