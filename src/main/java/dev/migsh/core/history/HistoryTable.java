package dev.migsh.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.postgresql.util.PSQLException;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.postgres.Identifiers;

/**
 * The history, audit and layout tables in their own schema, always schema-qualified
 * (never found through search_path). Creating them is idempotent; callers that create or
 * write hold the migration lock, so two first runs cannot race.
 */
public final class HistoryTable {

	/**
	 * The newest layout this release understands; a newer one in the database is refused.
	 * Layout 2 is layout 1 that may hold {@code adopted} rows (and {@code adopt} audit
	 * entries); and whose repair keeps the accepted text beside what ran. A history moves
	 * to it on the first change made by this release (under the lock).
	 */
	public static final int LAYOUT_VERSION = 2;

	private static final String STATES = "'applied', 'failed', 'marked', 'baseline', 'adopted'";

	private static final String[] CREATE = { "CREATE SCHEMA IF NOT EXISTS {schema}",
			"CREATE TABLE IF NOT EXISTS {schema}.meta (key text PRIMARY KEY, value text NOT NULL)", """
					CREATE TABLE IF NOT EXISTS {schema}.history (
						installed_rank bigserial PRIMARY KEY,
						migration_id text NOT NULL UNIQUE,
						version text NOT NULL,
						name text NOT NULL,
						state text NOT NULL CONSTRAINT history_state_check
							CHECK (state IN ('applied', 'failed', 'marked', 'baseline', 'adopted')),
						up_checksum text NOT NULL,
						down_checksum text,
						verify_checksum text,
						up_sql text NOT NULL,
						down_sql text,
						applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
						db_user text NOT NULL DEFAULT session_user,
						os_user text NOT NULL,
						execution_ms bigint NOT NULL DEFAULT 0,
						statements_total int NOT NULL,
						statements_done int NOT NULL,
						error text,
						failed_statement int
					)""", """
					CREATE TABLE IF NOT EXISTS {schema}.audit (
						seq bigserial PRIMARY KEY,
						at timestamptz NOT NULL DEFAULT clock_timestamp(),
						action text NOT NULL,
						migration_id text,
						outcome text NOT NULL CHECK (outcome IN ('ok', 'failed', 'cancelled')),
						db_user text NOT NULL DEFAULT session_user,
						os_user text NOT NULL,
						detail text NOT NULL DEFAULT ''
					)""", """
					CREATE OR REPLACE FUNCTION {schema}.audit_is_append_only() RETURNS trigger
					LANGUAGE plpgsql AS $$
					BEGIN
						RAISE EXCEPTION 'the migsh audit trail is append-only';
					END
					$$""", "DROP TRIGGER IF EXISTS audit_is_append_only ON {schema}.audit", """
					CREATE TRIGGER audit_is_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {schema}.audit
					FOR EACH STATEMENT EXECUTE FUNCTION {schema}.audit_is_append_only()""",
			"INSERT INTO {schema}.meta (key, value) VALUES ('layout_version', '1') ON CONFLICT (key) DO NOTHING" };

	// Layout 2: repair appends what it accepted instead of overwriting what ran; adopted
	// rows.
	private static final String[] UPGRADE_TO_2 = {
			"""
					ALTER TABLE {schema}.history ADD COLUMN IF NOT EXISTS accepted_up_checksum text,
						ADD COLUMN IF NOT EXISTS accepted_down_checksum text, ADD COLUMN IF NOT EXISTS accepted_verify_checksum text,
						ADD COLUMN IF NOT EXISTS accepted_up_sql text, ADD COLUMN IF NOT EXISTS accepted_down_sql text,
						ADD COLUMN IF NOT EXISTS accepted_at timestamptz, ADD COLUMN IF NOT EXISTS accepted_by text""",
			"ALTER TABLE {schema}.history DROP CONSTRAINT IF EXISTS history_state_check",
			"ALTER TABLE {schema}.history ADD CONSTRAINT history_state_check CHECK (state IN (" + STATES + "))",
			"INSERT INTO {schema}.meta (key, value) VALUES ('layout_version', '2')"
					+ " ON CONFLICT (key) DO UPDATE SET value = '2'" };

	private static final String EXISTS = "SELECT to_regclass(?) IS NOT NULL";

	private static final String LAYOUT = "SELECT value FROM {schema}.meta WHERE key = 'layout_version'";

	private static final String STATE_CHECK = """
			SELECT pg_get_constraintdef(oid) FROM pg_constraint
			WHERE conrelid = to_regclass(?) AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%state%'""";

	private static final String[] ALLOW_ADOPTED = {
			"ALTER TABLE {schema}.history DROP CONSTRAINT IF EXISTS history_state_check",
			"ALTER TABLE {schema}.history ADD CONSTRAINT history_state_check CHECK (state IN (" + STATES + "))" };

	private static final String LAYOUT_2 = "UPDATE {schema}.meta SET value = '2' WHERE key = 'layout_version'"
			+ " AND value::int < 2";

	// * so that a layout-1 table (not yet upgraded by a changing command) reads too
	private static final String SELECT = "SELECT * FROM {schema}.history ORDER BY installed_rank";

	private static final String INSERT = """
			INSERT INTO {schema}.history (migration_id, version, name, state, up_checksum, down_checksum,
				verify_checksum, up_sql, down_sql, os_user, execution_ms, statements_total, statements_done,
				error, failed_statement)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	// The applied row and its audit entry in one statement, written only when no other
	// session holds the advisory lock (classid, objid): the transaction takes it too
	// (granted at once to the session that holds it) and keeps it until it commits. No
	// round trip of its own, and no scan of pg_locks per migration; whether this session
	// still holds the lock is checked apart (LockedSession). Refused, the row has no
	// migration_id and its NOT NULL constraint fails the statement: an error, not an
	// empty write, so that a COMMIT sent with it never commits a migration without its
	// row.
	private static final String RECORD_APPLIED = """
			WITH h AS (
				INSERT INTO {schema}.history (migration_id, version, name, state, up_checksum, down_checksum,
					verify_checksum, up_sql, down_sql, os_user, execution_ms, statements_total, statements_done)
				SELECT CASE WHEN pg_catalog.pg_try_advisory_xact_lock(?, ?) THEN ? END, ?, ?, 'applied', ?, ?, ?, ?, ?,
					?, ?, ?, ?
				%s
				RETURNING migration_id)
			INSERT INTO {schema}.audit (action, migration_id, outcome, os_user, detail)
			SELECT ?, migration_id, ?, ?, ? FROM h""";

	private static final String RESTORE = """
			INSERT INTO {schema}.history (migration_id, version, name, state, up_checksum, down_checksum,
				verify_checksum, up_sql, down_sql, applied_at, db_user, os_user, statements_total, statements_done)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	// A repeatable (version '') keeps one row under its id R__name: running it again
	// replaces the row, with a new rank so the history still reads in the order things
	// ran.
	private static final String REPLACE_REPEATABLE = """
			ON CONFLICT (migration_id) DO UPDATE SET
				installed_rank = nextval(pg_catalog.pg_get_serial_sequence(%s, 'installed_rank')),
				state = EXCLUDED.state, up_checksum = EXCLUDED.up_checksum, down_checksum = EXCLUDED.down_checksum,
				verify_checksum = EXCLUDED.verify_checksum, up_sql = EXCLUDED.up_sql, down_sql = EXCLUDED.down_sql,
				applied_at = clock_timestamp(), db_user = session_user, os_user = EXCLUDED.os_user,
				execution_ms = EXCLUDED.execution_ms, statements_total = EXCLUDED.statements_total,
				statements_done = EXCLUDED.statements_done, error = EXCLUDED.error,
				failed_statement = EXCLUDED.failed_statement, accepted_up_checksum = NULL,
				accepted_down_checksum = NULL, accepted_verify_checksum = NULL, accepted_up_sql = NULL,
				accepted_down_sql = NULL, accepted_at = NULL, accepted_by = NULL
			WHERE {schema}.history.version = ''""";

	private static final String PROGRESS = """
			UPDATE {schema}.history SET statements_done = ?, failed_statement = ? WHERE migration_id = ?""";

	private static final String FAIL = """
			UPDATE {schema}.history SET state = 'failed', statements_done = ?, failed_statement = ?, error = ?,
				execution_ms = ? WHERE migration_id = ?""";

	private static final String FINISH = """
			UPDATE {schema}.history SET state = 'applied', statements_done = statements_total, failed_statement = NULL,
				error = NULL, execution_ms = ?, applied_at = clock_timestamp() WHERE migration_id = ?""";

	private static final String STARTED = """
			UPDATE {schema}.history SET statements_done = ?, failed_statement = ?, error = ? WHERE migration_id = ?""";

	private static final String COMPLETE = """
			UPDATE {schema}.history SET state = 'marked', statements_done = statements_total, failed_statement = NULL,
				error = NULL WHERE migration_id = ? AND state = 'failed'""";

	private static final String ACCEPT = """
			UPDATE {schema}.history SET accepted_up_checksum = ?, accepted_down_checksum = ?,
				accepted_verify_checksum = ?, accepted_up_sql = ?, accepted_down_sql = ?,
				accepted_at = clock_timestamp(), accepted_by = ? WHERE migration_id = ?""";

	private static final String DELETE = "DELETE FROM {schema}.history WHERE migration_id = ?";

	private static final String BACKDATE = "UPDATE {schema}.history SET applied_at = ? WHERE migration_id = ?";

	private static final String AUDIT = """
			INSERT INTO {schema}.audit (action, migration_id, outcome, os_user, detail) VALUES (?, ?, ?, ?, ?)""";

	private static final String SELECT_AUDIT = """
			SELECT seq, at, action, migration_id, outcome, db_user, os_user, detail FROM {schema}.audit ORDER BY seq""";

	private final String schema;

	public HistoryTable(String schema) {
		this.schema = schema;
	}

	public String schema() {
		return this.schema;
	}

	/**
	 * The history table's name as SQL, {@code migsh.history}; also what the lock key
	 * hashes.
	 */
	public String qualifiedName() {
		return Identifiers.qualified(this.schema, "history");
	}

	public boolean exists(Connection connection) throws SQLException {
		return tableExists(connection, "history");
	}

	private boolean tableExists(Connection connection, String table) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(EXISTS)) {
			ps.setString(1, Identifiers.qualified(this.schema, table));
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * Creates the schema and tables when missing, in one transaction, and checks the
	 * layout version. The caller holds the migration lock and has no transaction open.
	 */
	public void create(Connection connection) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement st = connection.createStatement()) {
			boolean created = !exists(connection);
			if (created || !tableExists(connection, "audit") || !tableExists(connection, "meta")) {
				for (String sql : CREATE) {
					st.execute(sql(sql));
				}
			}
			int layout;
			try (ResultSet rs = st.executeQuery(sql(LAYOUT))) {
				String value = rs.next() ? rs.getString(1) : "0";
				try {
					layout = Integer.parseInt(value == null ? "" : value.trim());
				}
				catch (NumberFormatException ex) {
					throw damaged(
							"layout_version in " + Identifiers.qualified(this.schema, "meta") + " is not a number");
				}
			}
			if (layout > LAYOUT_VERSION) {
				throw new MigshException(
						"The history in schema " + this.schema + " has layout " + layout
								+ ", newer than this migsh understands (" + LAYOUT_VERSION + ")",
						"Use the migsh release that wrote it, or a newer one.");
			}
			// a history table made again beside a layout-2 meta has the layout-1 columns
			if (layout < 2 || created) {
				for (String sql : UPGRADE_TO_2) {
					st.execute(sql(sql));
				}
			}
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * Lets the history hold {@code adopted} rows: widens the state check of a table made
	 * by a layout-1 release and records layout 2. Idempotent; runs in the caller's
	 * transaction, under the migration lock, after {@link #create}.
	 */
	public void allowAdopted(Connection connection) throws SQLException {
		boolean allowed;
		try (PreparedStatement ps = connection.prepareStatement(STATE_CHECK)) {
			ps.setString(1, qualifiedName());
			try (ResultSet rs = ps.executeQuery()) {
				allowed = rs.next() && rs.getString(1).contains("'adopted'");
			}
		}
		try (Statement st = connection.createStatement()) {
			if (!allowed) {
				for (String sql : ALLOW_ADOPTED) {
					st.execute(sql(sql));
				}
			}
			st.execute(sql(LAYOUT_2));
		}
	}

	/**
	 * Every history row in the order they were recorded; empty when the table does not
	 * exist yet.
	 */
	public List<AppliedMigration> read(Connection connection) throws SQLException {
		List<AppliedMigration> rows = new ArrayList<>();
		if (!exists(connection)) {
			return rows;
		}
		try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql(SELECT))) {
			boolean layout2 = hasColumn(rs, "accepted_up_checksum");
			while (rs.next()) {
				Timestamp at = rs.getTimestamp("applied_at");
				String state = rs.getString("state");
				if (at == null || state == null || !knownState(state)) {
					throw damaged("the row of " + rs.getString("migration_id")
							+ (at == null ? " has no applied_at" : " has a state migsh does not know"));
				}
				Optional<AppliedMigration.Acceptance> accepted = Optional.empty();
				if (layout2 && rs.getString("accepted_up_checksum") != null) {
					accepted = Optional.of(new AppliedMigration.Acceptance(rs.getString("accepted_up_checksum"),
							Optional.ofNullable(rs.getString("accepted_down_checksum")),
							Optional.ofNullable(rs.getString("accepted_verify_checksum")),
							rs.getString("accepted_up_sql"), Optional.ofNullable(rs.getString("accepted_down_sql")),
							rs.getTimestamp("accepted_at").toInstant(), rs.getString("accepted_by")));
				}
				rows.add(new AppliedMigration(rs.getLong("installed_rank"), rs.getString("migration_id"),
						rs.getString("version"), rs.getString("name"), HistoryState.of(state),
						rs.getString("up_checksum"), Optional.ofNullable(rs.getString("down_checksum")),
						Optional.ofNullable(rs.getString("verify_checksum")), rs.getString("up_sql"),
						Optional.ofNullable(rs.getString("down_sql")), at.toInstant(), rs.getString("db_user"),
						rs.getString("os_user"), rs.getLong("execution_ms"), rs.getInt("statements_total"),
						rs.getInt("statements_done"), Optional.ofNullable(rs.getString("error")),
						rs.getInt("failed_statement"), accepted));
			}
		}
		return rows;
	}

	private static boolean knownState(String state) {
		for (HistoryState known : HistoryState.values()) {
			if (known.word().equals(state)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The refusal of anything that reads a damaged history (exit code 3): {@code status}
	 * says what is damaged and how to fix it.
	 */
	private MigshException damaged(String what) {
		return new MigshException(
				"The history in schema " + this.schema + " is damaged: " + what + "; nothing was changed",
				"Run `status`: it lists what is damaged and how to fix it.", ExitCode.PREFLIGHT_REFUSED, null);
	}

	/**
	 * Records a migration in the given state; {@code failedStatement} 0 means none. A
	 * repeatable's row replaces the one of its last run.
	 */
	public void insert(Connection connection, MigrationFile file, HistoryState state, String operator, long executionMs,
			int statementsDone, String error, int failedStatement) throws SQLException {
		String insert = file.isRepeatable() ? INSERT + "\n" + replaceRepeatable() : INSERT;
		try (PreparedStatement ps = connection.prepareStatement(sql(insert))) {
			ps.setString(1, file.id());
			ps.setString(2, file.version().text());
			ps.setString(3, file.name());
			ps.setString(4, state.word());
			ps.setString(5, file.up().checksum());
			ps.setString(6, file.down().map(Section::checksum).orElse(null));
			ps.setString(7, file.verify().map(Section::checksum).orElse(null));
			ps.setString(8, file.up().sql());
			ps.setString(9, file.down().map(Section::sql).orElse(null));
			ps.setString(10, operator);
			ps.setLong(11, executionMs);
			ps.setInt(12, file.up().statements().size());
			ps.setInt(13, statementsDone);
			ps.setString(14, error);
			setIndex(ps, 15, failedStatement);
			ps.executeUpdate();
		}
	}

	/**
	 * Writes again a history row the audit trail records and the history lost: who and
	 * when from the audit entry, the checksums and SQL from {@code file} as it is now.
	 */
	public void restore(Connection connection, MigrationFile file, HistoryHealth.LostRow lost) throws SQLException {
		int total = file.up().statements().size();
		update(connection, sql(RESTORE), file.id(), file.version().text(), file.name(), lost.state().word(),
				file.up().checksum(), file.down().map(Section::checksum).orElse(null),
				file.verify().map(Section::checksum).orElse(null), file.up().sql(),
				file.down().map(Section::sql).orElse(null), Timestamp.from(lost.at()),
				lost.dbUser() == null ? "unknown" : lost.dbUser(),
				lost.operator() == null ? "unknown" : lost.operator(), total, total);
	}

	/**
	 * Records {@code file} as applied with its audit entry, in one statement and only
	 * when no other session holds the advisory lock {@code (lockClass, lockObject)}; the
	 * transaction holds it until it ends. Refused, the statement fails with an error
	 * {@link #lockRefused} recognises.
	 * @return false when nothing was written (a repeatable whose id names a versioned
	 * row)
	 */
	public boolean recordApplied(PreparedStatement ps, MigrationFile file, String operator, long executionMs,
			AuditAction action, String detail, int lockClass, int lockObject) throws SQLException {
		ps.setInt(1, lockClass);
		ps.setInt(2, lockObject);
		ps.setString(3, file.id());
		ps.setString(4, file.version().text());
		ps.setString(5, file.name());
		ps.setString(6, file.up().checksum());
		ps.setString(7, file.down().map(Section::checksum).orElse(null));
		ps.setString(8, file.verify().map(Section::checksum).orElse(null));
		ps.setString(9, file.up().sql());
		ps.setString(10, file.down().map(Section::sql).orElse(null));
		ps.setString(11, operator);
		ps.setLong(12, executionMs);
		ps.setInt(13, file.up().statements().size());
		ps.setInt(14, file.up().statements().size());
		ps.setString(15, action.word());
		ps.setString(16, AuditOutcome.OK.word());
		ps.setString(17, operator);
		ps.setString(18, detail == null ? "" : detail);
		return ps.executeUpdate() == 1;
	}

	/**
	 * The statement {@link #recordApplied} runs, to prepare once per session; for a
	 * repeatable migration it replaces the row of the last run. With {@code commit} it
	 * ends with COMMIT, sent in the same round trip (pgjdbc sends the two together); an
	 * error in the write leaves the COMMIT unrun and the transaction to roll back.
	 */
	public PreparedStatement prepareRecordApplied(Connection connection, boolean repeatable, boolean commit)
			throws SQLException {
		return connection.prepareStatement(
				sql(RECORD_APPLIED.formatted(repeatable ? replaceRepeatable() : "")) + (commit ? ";\nCOMMIT" : ""));
	}

	/**
	 * The error {@link #recordApplied} fails with when another session holds the lock: no
	 * migration_id for the history row.
	 */
	public static boolean lockRefused(SQLException ex) {
		return ex instanceof PSQLException psql && psql.getServerErrorMessage() != null
				&& "23502".equals(psql.getSQLState()) && "history".equals(psql.getServerErrorMessage().getTable())
				&& "migration_id".equals(psql.getServerErrorMessage().getColumn());
	}

	private String replaceRepeatable() {
		return REPLACE_REPEATABLE.formatted("'" + qualifiedName().replace("'", "''") + "'");
	}

	/** Notes that {@code done} statements of a non-transactional migration have run. */
	public void progress(Connection connection, String id, int done) throws SQLException {
		update(connection, sql(PROGRESS), done, done + 1, id);
	}

	/**
	 * Notes, before it runs, that statement {@code statement} of a non-transactional
	 * migration is running: a crash leaves the row naming it, with {@code error}.
	 */
	public void started(Connection connection, String id, int statement, String error) throws SQLException {
		update(connection, sql(STARTED), statement - 1, statement, error, id);
	}

	/**
	 * Turns a failed row into a marked one: the operator completed it by hand. False when
	 * the row was not failed.
	 */
	public boolean complete(Connection connection, String id) throws SQLException {
		return update(connection, sql(COMPLETE), id) > 0;
	}

	public void fail(Connection connection, String id, int done, int failedStatement, String error, long executionMs)
			throws SQLException {
		update(connection, sql(FAIL), done, failedStatement, error, executionMs, id);
	}

	public void finish(Connection connection, String id, long executionMs) throws SQLException {
		update(connection, sql(FINISH), executionMs, id);
	}

	/**
	 * Records the file's checksums and SQL as accepted (repair of an edited file), with
	 * who and when; what ran stays as it was.
	 */
	public void accept(Connection connection, MigrationFile file, String operator) throws SQLException {
		update(connection, sql(ACCEPT), file.up().checksum(), file.down().map(Section::checksum).orElse(null),
				file.verify().map(Section::checksum).orElse(null), file.up().sql(),
				file.down().map(Section::sql).orElse(null), operator, file.id());
	}

	private static boolean hasColumn(ResultSet rs, String column) throws SQLException {
		var meta = rs.getMetaData();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			if (meta.getColumnName(i).equals(column)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Sets when a row says it was applied: an adopted row keeps the other tool's time.
	 */
	public void backdate(Connection connection, String id, java.time.Instant appliedAt) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(sql(BACKDATE))) {
			ps.setTimestamp(1, Timestamp.from(appliedAt));
			ps.setString(2, id);
			ps.executeUpdate();
		}
	}

	public boolean delete(Connection connection, String id) throws SQLException {
		return update(connection, sql(DELETE), id) > 0;
	}

	public void audit(Connection connection, AuditAction action, String migrationId, AuditOutcome outcome,
			String operator, String detail) throws SQLException {
		update(connection, sql(AUDIT), action.word(), migrationId, outcome.word(), operator,
				detail == null ? "" : detail);
	}

	/** The audit trail, oldest first; empty when the tables do not exist yet. */
	public List<AuditEntry> auditEntries(Connection connection) throws SQLException {
		List<AuditEntry> entries = new ArrayList<>();
		if (!tableExists(connection, "audit")) {
			return entries;
		}
		try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql(SELECT_AUDIT))) {
			while (rs.next()) {
				AuditAction action;
				AuditOutcome outcome;
				try {
					action = AuditAction.of(rs.getString("action"));
					outcome = AuditOutcome.of(rs.getString("outcome"));
				}
				catch (RuntimeException ex) {
					// written by a newer migsh, or by hand: say so rather than fail
					// obscurely
					throw new MigshException(
							"The audit trail in schema " + this.schema + " has entry #" + rs.getLong("seq")
									+ " with an action or outcome this migsh does not know",
							"Use the migsh release that wrote it, or a newer one; `status` still works.");
				}
				Timestamp at = rs.getTimestamp("at");
				entries.add(new AuditEntry(rs.getLong("seq"), at == null ? java.time.Instant.EPOCH : at.toInstant(),
						action, Optional.ofNullable(rs.getString("migration_id")), outcome, rs.getString("db_user"),
						rs.getString("os_user"), rs.getString("detail")));
			}
		}
		return entries;
	}

	private String sql(String template) {
		return template.replace("{schema}", Identifiers.quote(this.schema));
	}

	private static int update(Connection connection, String sql, Object... values) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				Object v = values[i];
				if (v == null) {
					ps.setNull(i + 1, Types.VARCHAR);
				}
				else {
					ps.setObject(i + 1, v);
				}
			}
			return ps.executeUpdate();
		}
	}

	private static void setIndex(PreparedStatement ps, int index, int value) throws SQLException {
		if (value <= 0) {
			ps.setNull(index, Types.INTEGER);
		}
		else {
			ps.setInt(index, value);
		}
	}

}
