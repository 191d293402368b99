package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.history.HistoryState;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.DdlConstraints;
import dev.migsh.core.plan.DdlObjects;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * The {@code mark-applied} command: records a pending migration as applied without
 * running it (state marked), after checking which objects its up section creates already
 * exist.
 */
public final class MarkApplied {

	private final EngineSettings settings;

	public MarkApplied(EngineSettings settings) {
		this.settings = settings;
	}

	/** The existence check alone, writing nothing and taking no lock. */
	public MarkResult check(StatusReport status, String id) {
		MigrationFile file = pendingFile(status, id);
		try (Connection connection = this.settings.dataSource().getConnection()) {
			ExistingObjects.Split split = ExistingObjects.check(connection, objects(file));
			return new MarkResult(file.id(), split.existing(), split.missing(), false);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not check the objects of " + file.id(), ex, "Check the connection.");
		}
	}

	/**
	 * Records {@code id} under the lock, verifying its objects there; with missing
	 * objects it refuses (exit code 3) unless {@code allowMissing}.
	 */
	public MarkResult run(MigrationCatalog migrations, String id, boolean allowMissing, HistoryExpectation expected,
			Duration lockWait, LockWaitListener listener, Cancellation cancellation) {
		try (LockedSession session = LockedSession.open(this.settings, "mark-applied", lockWait, listener,
				cancellation)) {
			StatusReport status = StatusReport.of(migrations, session.readHistory());
			expected.check(status);
			MigrationFile file = pendingFile(status, id);
			Connection connection = session.connection();
			ExistingObjects.Split split = ExistingObjects.check(connection, objects(file));
			if (!split.missing().isEmpty() && !allowMissing) {
				throw missing(file.id(), split.missing());
			}
			java.util.Optional<AppliedMigration> failed = failedRow(status, file.id());
			connection.setAutoCommit(false);
			try {
				session.lock().verify();
				if (failed.isPresent()) {
					completeFailed(session, file, failed.get(), split);
				}
				else {
					session.history().insert(connection, file, HistoryState.MARKED, session.operator(), 0, 0, null, 0);
					session.audit(AuditAction.MARK_APPLIED, file.id(), AuditOutcome.OK, describe(split));
				}
				session.kept().applied(connection, file, 0);
				connection.commit();
			}
			finally {
				session.resetQuietly();
			}
			return new MarkResult(file.id(), split.existing(), split.missing(), true);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("mark-applied " + id + " failed", ex, "Run `status` to see the history.");
		}
	}

	/**
	 * The refusal when objects are missing: verification is not a prompt, so --yes does
	 * not pass it.
	 */
	public static MigshException missing(String id, List<DbObject> missing) {
		return new MigshException(
				id + " creates " + missing.size() + " object(s) that do not exist here (" + names(missing)
						+ "), so it has probably not run; nothing was recorded",
				"Run `apply " + id + "` instead; if those objects are really not needed, record it anyway with"
						+ " `mark-applied " + id + " --allow-missing` (audited with the list).",
				ExitCode.PREFLIGHT_REFUSED, null);
	}

	/**
	 * What mark-applied verifies: the objects the up section creates, and its named
	 * constraints.
	 */
	static List<DbObject> objects(MigrationFile file) {
		List<DbObject> objects = new java.util.ArrayList<>(DdlObjects.created(file.up().statements()));
		objects.addAll(DdlConstraints.created(file.up().statements()));
		return objects;
	}

	/**
	 * A failed row completed by hand becomes marked (with the file's text accepted when
	 * it was fixed); what ran stays recorded.
	 */
	private static void completeFailed(LockedSession session, MigrationFile file, AppliedMigration row,
			ExistingObjects.Split split) throws SQLException {
		if (!row.currentUpChecksum().equals(file.up().checksum())) {
			session.history().accept(session.connection(), file, session.operator());
		}
		session.history().complete(session.connection(), file.id());
		session.audit(AuditAction.MARK_APPLIED, file.id(), AuditOutcome.OK,
				"completed by hand after failing at " + Math.max(row.failedStatement(), row.statementsDone() + 1) + "/"
						+ row.statementsTotal() + "; " + describe(split));
	}

	private static java.util.Optional<AppliedMigration> failedRow(StatusReport status, String id) {
		return status.resolve(id).applied().filter(a -> a.state() == HistoryState.FAILED);
	}

	/** A pending migration, or a failed one (completed by hand), with its file. */
	private static MigrationFile pendingFile(StatusReport status, String id) {
		MigrationStatus row = status.resolve(id);
		if (row.state() == dev.migsh.core.plan.MigrationState.FAILED && row.file().isPresent()) {
			return row.file().get();
		}
		if (!row.isPending()) {
			throw new MigshException(
					"Migration " + row.id() + " is already in the history (" + row.state().name().toLowerCase() + ")",
					row.applied().map(a -> a.state() == HistoryState.FAILED).orElse(false)
							? "Run `repair` to clear the failed row first."
							: "Nothing to mark; `status` shows the history.",
					ExitCode.PREFLIGHT_REFUSED, null);
		}
		return row.file().get();
	}

	private static String describe(ExistingObjects.Split split) {
		return "marked without running; existing: " + names(split.existing()) + "; missing: " + names(split.missing())
				+ (split.missing().isEmpty() ? "" : " (recorded anyway with --allow-missing)");
	}

	private static String names(List<DbObject> objects) {
		return objects.isEmpty() ? "none" : String.join(", ", objects.stream().map(DbObject::describe).toList());
	}

}
