package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.history.HistoryState;
import dev.migsh.core.plan.DbObject;
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
			ExistingObjects.Split split = ExistingObjects.check(connection, DdlObjects.created(file.up().statements()));
			return new MarkResult(file.id(), split.existing(), split.missing(), false);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not check the objects of " + file.id(), ex, "Check the connection.");
		}
	}

	public MarkResult run(MigrationCatalog migrations, String id, Duration lockWait, LockWaitListener listener) {
		try (LockedSession session = LockedSession.open(this.settings, "mark-applied", lockWait, listener,
				Cancellation.none())) {
			StatusReport status = StatusReport.of(migrations, session.readHistory());
			MigrationFile file = pendingFile(status, id);
			Connection connection = session.connection();
			ExistingObjects.Split split = ExistingObjects.check(connection, DdlObjects.created(file.up().statements()));
			connection.setAutoCommit(false);
			try {
				session.lock().verify();
				session.history().insert(connection, file, HistoryState.MARKED, session.operator(), 0, 0, null, 0);
				session.audit(AuditAction.MARK_APPLIED, file.id(), AuditOutcome.OK, describe(split));
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

	private static MigrationFile pendingFile(StatusReport status, String id) {
		MigrationStatus row = status.resolve(id);
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
		return "marked without running; existing: " + names(split.existing()) + "; missing: " + names(split.missing());
	}

	private static String names(List<DbObject> objects) {
		return objects.isEmpty() ? "none" : String.join(", ", objects.stream().map(DbObject::describe).toList());
	}

}
