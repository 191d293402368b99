package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.postgres.Identifiers;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * The first half of {@code reset} (development only): under the migration lock, drops
 * every schema but the system ones and the history schema, recreates an empty
 * {@code public}, and clears the history. The audit trail is kept and gains a reset row.
 * Whether the database is a development one is the caller's decision.
 */
public final class Reset {

	private static final String SCHEMAS = """
			SELECT nspname FROM pg_catalog.pg_namespace
			WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' AND nspname <> ?
			ORDER BY nspname""";

	private final EngineSettings settings;

	public Reset(EngineSettings settings) {
		this.settings = settings;
	}

	/** The schemas a reset would drop, without a lock or a change. */
	public List<String> schemas() {
		try (Connection connection = this.settings.dataSource().getConnection()) {
			return schemas(connection);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not list the schemas", ex, "Check the connection.");
		}
	}

	public ResetResult run(MigrationCatalog migrations, HistoryExpectation expected, Duration lockWait,
			LockWaitListener listener, Cancellation cancellation) {
		try (LockedSession session = LockedSession.open(this.settings, "reset", lockWait, listener, cancellation)) {
			expected.check(StatusReport.of(migrations, session.readHistory()));
			Connection connection = session.connection();
			connection.setAutoCommit(false);
			try {
				session.setTimeouts(new Timeouts(this.settings.lockTimeout(), this.settings.statementTimeout()), true);
				List<String> dropped = schemas(connection);
				try (Statement statement = connection.createStatement()) {
					for (String schema : dropped) {
						statement.execute("DROP SCHEMA " + Identifiers.quote(schema) + " CASCADE");
					}
					statement.execute("CREATE SCHEMA public");
				}
				List<AppliedMigration> history = session.readHistory();
				for (AppliedMigration row : history) {
					session.history().delete(connection, row.id());
				}
				session.lock().verify();
				session.audit(AuditAction.RESET, null, AuditOutcome.OK, "dropped schemas " + String.join(", ", dropped)
						+ " and cleared " + history.size() + " history row(s)");
				connection.commit();
				return new ResetResult(dropped, history.size());
			}
			finally {
				session.resetQuietly();
			}
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("reset failed; nothing was dropped", ex, "Run `status` to see the history.");
		}
	}

	private List<String> schemas(Connection connection) throws SQLException {
		List<String> schemas = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement(SCHEMAS)) {
			select.setString(1, this.settings.history().schema());
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					schemas.add(rs.getString(1));
				}
			}
		}
		return schemas;
	}

}
