package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.history.HistoryTable;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * One dedicated connection holding the migration lock, on which the migrations of a
 * command run and the history is written. Closing it releases the lock and the
 * connection.
 */
final class LockedSession implements AutoCloseable {

	private static final String SET_CONFIG = "SELECT pg_catalog.set_config(?, ?, ?)";

	private static final String SERVER_VERSION = "SELECT pg_catalog.current_setting('server_version_num')::int";

	// RESET ALL leaves the role and session authorization alone, so they are reset first.
	private static final List<String> RESET = List.of("RESET ROLE", "SET SESSION AUTHORIZATION DEFAULT", "RESET ALL");

	private final EngineSettings settings;

	private final Connection connection;

	private final String applicationName;

	private final boolean checkClient;

	private final Cancellation cancellation;

	private MigrationLock lock;

	private BlockerWatch watch;

	private int pid;

	private LockedSession(EngineSettings settings, Connection connection, String command, Cancellation cancellation)
			throws SQLException {
		this.settings = settings;
		this.cancellation = cancellation;
		this.connection = connection;
		this.applicationName = truncate("migsh:" + settings.operator() + ":" + command);
		this.checkClient = serverVersion() >= 140000;
	}

	static LockedSession open(EngineSettings settings, String command, Duration lockWait, LockWaitListener listener,
			Cancellation cancellation) {
		Connection connection = null;
		try {
			connection = settings.dataSource().getConnection();
			connection.setAutoCommit(true);
			LockedSession session = new LockedSession(settings, connection, command, cancellation);
			try {
				session.configure();
				session.pid = session.backendPid();
				session.lock = MigrationLock.acquire(connection, settings.history().qualifiedName(), lockWait, listener,
						cancellation);
				settings.history().create(connection);
				return session;
			}
			catch (SQLException | RuntimeException ex) {
				session.close();
				throw ex;
			}
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw PostgresErrors.failure("Could not prepare the migration session", ex,
					"Check the connection and that the user may create schema " + settings.history().schema() + ".");
		}
	}

	Connection connection() {
		return this.connection;
	}

	Cancellation cancellation() {
		return this.cancellation;
	}

	MigrationLock lock() {
		return this.lock;
	}

	HistoryTable history() {
		return this.settings.history();
	}

	String operator() {
		return this.settings.operator();
	}

	int pid() {
		return this.pid;
	}

	List<AppliedMigration> readHistory() throws SQLException {
		return history().read(this.connection);
	}

	BlockerWatch watch(Timeouts timeouts) {
		if (this.watch == null) {
			this.watch = new BlockerWatch(this.settings.dataSource(), this.pid, timeouts.blockerThreshold());
		}
		return this.watch;
	}

	/**
	 * Sets lock_timeout and statement_timeout, for the transaction ({@code local}) or the
	 * session.
	 */
	void setTimeouts(Timeouts timeouts, boolean local) throws SQLException {
		setConfig("lock_timeout", Long.toString(timeouts.lockTimeout().toMillis()), local);
		setConfig("statement_timeout", Long.toString(timeouts.statementTimeout().toMillis()), local);
	}

	/**
	 * Undoes whatever a migration set for the session (search_path, role, timeouts), so
	 * it cannot leak into the next migration or the history writes. Not DISCARD ALL: that
	 * would drop the advisory lock.
	 */
	void reset() throws SQLException {
		try (Statement st = this.connection.createStatement()) {
			for (String sql : RESET) {
				st.execute(sql);
			}
		}
		configure();
	}

	void resetQuietly() {
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
			}
			reset();
		}
		catch (SQLException ex) {
			// a dead session has nothing left to reset
		}
	}

	void audit(AuditAction action, String migrationId, AuditOutcome outcome, String detail) throws SQLException {
		this.lock.verify();
		history().audit(this.connection, action, migrationId, outcome, operator(), detail);
	}

	/** An audit row after a failure: a second failure must not hide the first. */
	void auditQuietly(AuditAction action, String migrationId, AuditOutcome outcome, String detail, Throwable failure) {
		try {
			audit(action, migrationId, outcome, detail);
		}
		catch (SQLException | RuntimeException ex) {
			if (!auditOnAnotherConnection(action, migrationId, outcome, detail)) {
				failure.addSuppressed(ex);
			}
		}
	}

	/**
	 * When this session died with the failure, the audit row still goes in, on a
	 * connection of its own: the audit is append-only and needs no lock.
	 */
	private boolean auditOnAnotherConnection(AuditAction action, String migrationId, AuditOutcome outcome,
			String detail) {
		try (Connection other = this.settings.dataSource().getConnection()) {
			other.setAutoCommit(true);
			if (!history().exists(other)) {
				return false;
			}
			history().audit(other, action, migrationId, outcome, operator(), detail);
			return true;
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	private void configure() throws SQLException {
		setConfig("application_name", this.applicationName, false);
		if (this.checkClient) {
			// lets the server notice a killed client during a long statement and drop the
			// lock
			setConfig("client_connection_check_interval", "1000", false);
		}
	}

	private void setConfig(String name, String value, boolean local) throws SQLException {
		try (PreparedStatement ps = this.connection.prepareStatement(SET_CONFIG)) {
			ps.setString(1, name);
			ps.setString(2, value);
			ps.setBoolean(3, local);
			ps.execute();
		}
	}

	private int serverVersion() throws SQLException {
		try (Statement st = this.connection.createStatement(); ResultSet rs = st.executeQuery(SERVER_VERSION)) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private int backendPid() throws SQLException {
		try (Statement st = this.connection.createStatement();
				ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static String truncate(String name) {
		// application_name keeps 63 bytes; keep it ASCII-safe and short
		return name.length() > 60 ? name.substring(0, 60) : name;
	}

	@Override
	public void close() {
		if (this.watch != null) {
			this.watch.close();
		}
		resetQuietly();
		if (this.lock != null) {
			this.lock.close();
		}
		closeQuietly(this.connection);
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// already gone
			}
		}
	}

}
