package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.postgresql.core.BaseConnection;

import dev.migsh.core.MigshException;
import dev.migsh.core.adopt.KeptHistory;
import dev.migsh.core.catalog.MigrationFile;
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

	// RESET ALL leaves the role and session authorization alone, so they are reset first;
	// then the session's own settings again. One round trip (pgjdbc sends the statements
	// together).
	private static final String RESET = "RESET ROLE; SET SESSION AUTHORIZATION DEFAULT; RESET ALL; ";

	private static final String CONFIGURE = "SELECT pg_catalog.set_config('application_name', ?, false)";

	private static final String CONFIGURE_14 = "SELECT pg_catalog.set_config('application_name', ?, false),"
			+ " pg_catalog.set_config('client_connection_check_interval', '1000', false)";

	private static final String SESSION_TIMEOUTS = "SELECT pg_catalog.set_config('lock_timeout', ?, false),"
			+ " pg_catalog.set_config('statement_timeout', ?, false)";

	private static final Duration LOCK_CHECK_PERIOD = Duration.ofSeconds(1);

	private final EngineSettings settings;

	private final Connection connection;

	private final String applicationName;

	private final boolean checkClient;

	private final Cancellation cancellation;

	private MigrationLock lock;

	private BlockerWatch watch;

	private int pid;

	private Timeouts sessionTimeouts;

	private PreparedStatement recordApplied;

	private KeptHistory kept = KeptHistory.NONE;

	private PreparedStatement recordRepeatable;

	private PreparedStatement recordAndCommit;

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
			keepPreparedAcrossDdl(connection, true);
			LockedSession session = new LockedSession(settings, connection, command, cancellation);
			try {
				session.configure();
				session.pid = session.backendPid();
				session.lock = MigrationLock.acquire(connection, settings.history().qualifiedName(), lockWait, listener,
						cancellation);
				settings.history().create(connection);
				if (settings.keepHistory().isPresent()) {
					session.kept = KeptHistory.find(connection, settings.keepHistory().get());
				}
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

	/**
	 * What a failure of the session's own SQL (the history writes) becomes: a lost
	 * session is a lost lock; anything else names the command and says to look at the
	 * status.
	 */
	static RuntimeException failure(String command, SQLException ex) {
		if (PostgresErrors.isConnectionLost(ex)) {
			return new LockLostException("the session ended", ex);
		}
		return PostgresErrors.failure(command + " stopped while writing the history", ex,
				"Run `status` to see what was recorded.");
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

	/**
	 * The other tool's history, written with migsh's own in the same transaction
	 * ({@link KeptHistory#NONE} without {@code --keep-history}).
	 */
	KeptHistory kept() {
		return this.kept;
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
		if (!local) {
			useTimeouts(timeouts);
			return;
		}
		setConfig("lock_timeout", Long.toString(timeouts.lockTimeout().toMillis()), local);
		setConfig("statement_timeout", Long.toString(timeouts.statementTimeout().toMillis()), local);
	}

	/**
	 * Sets lock_timeout and statement_timeout for the session, in one statement, unless
	 * they are in force already (set earlier and no reset since): a run of migrations
	 * with the same timeouts pays for them once.
	 */
	void useTimeouts(Timeouts timeouts) throws SQLException {
		if (timeouts.settings().equals(this.sessionTimeouts)) {
			return;
		}
		this.sessionTimeouts = null;
		try (PreparedStatement ps = this.connection.prepareStatement(SESSION_TIMEOUTS)) {
			ps.setString(1, Long.toString(timeouts.lockTimeout().toMillis()));
			ps.setString(2, Long.toString(timeouts.statementTimeout().toMillis()));
			ps.execute();
		}
		this.sessionTimeouts = timeouts.settings();
	}

	/**
	 * {@link #reset()} when the up or verify section of {@code file} may have changed
	 * session state (see {@link SessionStateChange}); otherwise nothing, and no round
	 * trip.
	 */
	void resetIfChanged(MigrationFile file) throws SQLException {
		if (SessionStateChange.in(file.up())
				|| (file.verify().isPresent() && SessionStateChange.in(file.verify().get()))) {
			reset();
		}
	}

	/**
	 * Whether {@link #recordApplied} also commits, in the same round trip: for a
	 * versioned migration, when no other tool's history is kept (its row is written after
	 * migsh's). A lost connection then leaves the outcome in doubt, as a lost COMMIT
	 * does.
	 */
	boolean commitsWithRecord(MigrationFile file) {
		return !file.isRepeatable() && this.kept == KeptHistory.NONE;
	}

	/**
	 * Records {@code file} as applied, with its audit entry, in one statement that writes
	 * only when no other session holds the migration lock, and commits with it when
	 * {@link #commitsWithRecord}; when the migration may have released the lock itself
	 * (see {@link LockRelease}) the lock is checked first. Otherwise this session's hold
	 * is checked once a second ({@link #verifyLockRecently}).
	 * @throws LockLostException when the lock is not held (nothing was written or
	 * committed)
	 */
	void recordApplied(MigrationFile file, long executionMs, String detail) throws SQLException {
		PreparedStatement record = recordStatement(file);
		if (LockRelease.mayReleaseIn(file)) {
			// the migration may have let go of the lock itself: know before writing
			this.lock.verify();
		}
		boolean written;
		try {
			written = history().recordApplied(record, file, operator(), executionMs, AuditAction.APPLY, detail,
					MigrationLock.CLASS_ID, MigrationLock.objectId(this.lock.name()));
		}
		catch (SQLException ex) {
			if (HistoryTable.lockRefused(ex)) {
				throw this.lock.lost();
			}
			throw ex;
		}
		if (!written) {
			throw new MigshException(
					"The history row of " + file.id() + " was not written: a row of another"
							+ " kind has that id; the migration was rolled back",
					"Run `status` and `history` to see the row.");
		}
	}

	private PreparedStatement recordStatement(MigrationFile file) throws SQLException {
		if (file.isRepeatable()) {
			if (this.recordRepeatable == null) {
				this.recordRepeatable = history().prepareRecordApplied(this.connection, true, false);
			}
			return this.recordRepeatable;
		}
		if (commitsWithRecord(file)) {
			if (this.recordAndCommit == null) {
				this.recordAndCommit = history().prepareRecordApplied(this.connection, false, true);
			}
			return this.recordAndCommit;
		}
		if (this.recordApplied == null) {
			this.recordApplied = history().prepareRecordApplied(this.connection, false, false);
		}
		return this.recordApplied;
	}

	/**
	 * Checks the lock unless it was proven held in the last second; a lost session fails
	 * the next statement anyway, and {@link #recordApplied} checks it in its own write.
	 */
	void verifyLockRecently() {
		this.lock.verifyAtMostEvery(LOCK_CHECK_PERIOD);
	}

	/**
	 * Undoes whatever a migration set for the session (search_path, role, timeouts), so
	 * it cannot leak into the next migration or the history writes. Not DISCARD ALL: that
	 * would drop the advisory lock.
	 */
	void reset() throws SQLException {
		this.sessionTimeouts = null;
		try (PreparedStatement ps = this.connection
			.prepareStatement(RESET + (this.checkClient ? CONFIGURE_14 : CONFIGURE))) {
			ps.setString(1, this.applicationName);
			ps.execute();
		}
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
		// client_connection_check_interval lets the server notice a killed client during
		// a long statement and drop the lock
		try (PreparedStatement ps = this.connection.prepareStatement(this.checkClient ? CONFIGURE_14 : CONFIGURE)) {
			ps.setString(1, this.applicationName);
			ps.execute();
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
		for (PreparedStatement statement : new PreparedStatement[] { this.recordApplied, this.recordRepeatable,
				this.recordAndCommit }) {
			if (statement != null) {
				try {
					statement.close();
				}
				catch (SQLException ex) {
					// the connection closes next
				}
			}
		}
		if (this.watch != null) {
			this.watch.close();
		}
		resetQuietly();
		if (this.lock != null) {
			this.lock.close();
		}
		try {
			keepPreparedAcrossDdl(this.connection, false);
		}
		catch (SQLException ex) {
			// the connection closes next
		}
		closeQuietly(this.connection);
	}

	/**
	 * pgjdbc (42.7.13 here; its flushCacheOnDdl, on by default) forgets its server-side
	 * prepared statements whenever a CREATE, DROP or ALTER completes, so the history
	 * write and even COMMIT were parsed again by the server after every migration. Its
	 * reason, a cached plan whose result columns changed, cannot reach the statements of
	 * this session: each names its columns and none reads a table a migration changes (a
	 * migration that alters migsh's own history table gets the server's error, which
	 * pgjdbc heals on the next run). The pooled connection gets the driver's default back
	 * when the session ends.
	 */
	private static void keepPreparedAcrossDdl(Connection connection, boolean keep) throws SQLException {
		if (connection.isWrapperFor(BaseConnection.class)) {
			connection.unwrap(BaseConnection.class).getQueryExecutor().setFlushCacheOnDdl(!keep);
		}
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
