package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.history.HistoryHealth;
import dev.migsh.core.history.HistoryInspection;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * {@code repair --from-audit}: under the lock, makes the missing history, audit or meta
 * table again and writes back each history row the audit trail records and the history
 * lost (who and when from the audit, checksums and SQL from the file), in one transaction
 * with an audit row each. Nothing runs a migration.
 */
public final class RebuildHistory {

	private final EngineSettings settings;

	public RebuildHistory(EngineSettings settings) {
		this.settings = settings;
	}

	/** One line per thing done, as the audit trail records it. */
	public List<String> run(MigrationCatalog migrations, HistoryHealth proposed, HistoryExpectation expected,
			Duration lockWait, LockWaitListener listener, Cancellation cancellation) {
		try (LockedSession session = LockedSession.open(this.settings, "repair --from-audit", lockWait, listener,
				cancellation)) {
			// opening the session made the missing tables again (HistoryTable.create)
			Connection connection = session.connection();
			HistoryHealth now = new HistoryInspection(session.history()).inspect(connection);
			List<String> ids = now.lostRows().stream().map(HistoryHealth.LostRow::id).toList();
			if (!ids.equals(proposed.lostRows().stream().map(HistoryHealth.LostRow::id).toList())) {
				throw new MigshException(
						"The history changed after repair --from-audit was proposed (another session wrote it);"
								+ " nothing was rebuilt",
						"Run `status` to see the history now, then run repair --from-audit again.",
						ExitCode.PREFLIGHT_REFUSED, null);
			}
			expected.check(StatusReport.of(migrations, session.readHistory()));
			List<String> done = new ArrayList<>();
			connection.setAutoCommit(false);
			try {
				session.lock().verify();
				for (String table : proposed.missingTables()) {
					String detail = "made " + table + " again"
							+ (table.endsWith(".audit") ? " (empty: the entries it held are lost)" : "");
					session.audit(AuditAction.REPAIR_FROM_AUDIT, null, AuditOutcome.OK, detail);
					done.add(detail);
				}
				for (HistoryHealth.LostRow lost : now.lostRows()) {
					MigrationFile file = migrations.find(lost.id())
						.orElseThrow(() -> new MigshException(
								"No file in the migrations folder for " + lost.id() + "; nothing was rebuilt",
								"Restore the file, then run repair --from-audit again.", ExitCode.PREFLIGHT_REFUSED,
								null));
					session.history().restore(connection, file, lost);
					String detail = "rebuilt the history row of " + lost.id() + " as " + lost.state().word()
							+ " from audit entry #" + lost.auditSeq() + " (" + lost.at() + ", " + lost.operator()
							+ "); checksums and SQL from the file as it is now";
					session.audit(AuditAction.REPAIR_FROM_AUDIT, lost.id(), AuditOutcome.OK, detail);
					done.add(detail);
				}
				connection.commit();
			}
			finally {
				session.resetQuietly();
			}
			return done;
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("repair --from-audit failed; nothing was rebuilt", ex,
					"Run `status` to see the history.");
		}
	}

}
