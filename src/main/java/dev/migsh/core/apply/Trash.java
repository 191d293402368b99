package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.DdlObjects;
import dev.migsh.core.postgres.Identifiers;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * The {@code migsh_trash} schema: before a down statement drops a table or a column (or
 * truncates a table), {@link #keep} copies the data there on the same connection, so it
 * commits or rolls back with the drop; {@link #list} and {@link #purge} serve the
 * {@code trash} command.
 */
public final class Trash {

	public static final String SCHEMA = "migsh_trash";

	private static final String ENTRIES = Identifiers.qualified(SCHEMA, "entries");

	private static final String CREATE_SCHEMA = "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(SCHEMA);

	private static final String CREATE_ENTRIES = "CREATE TABLE IF NOT EXISTS " + ENTRIES + """
			 (
				id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				trashed_at timestamptz NOT NULL DEFAULT now(),
				migration_id text NOT NULL,
				kind text NOT NULL,
				source_schema text NOT NULL,
				source_table text NOT NULL,
				source_column text,
				trash_table text NOT NULL DEFAULT '',
				row_count bigint NOT NULL DEFAULT 0,
				restore_sql text NOT NULL DEFAULT ''
			)""";

	private static final String RELATION = """
			SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE c.oid = pg_catalog.to_regclass(?) AND c.relkind IN ('r', 'p')""";

	private static final String COLUMNS = """
			SELECT attname FROM pg_catalog.pg_attribute
			WHERE attrelid = ?::oid AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum""";

	// A copy must not depend on the schema's own types: the same down section may drop
	// them
	// next (DROP TYPE fails while a trash table still uses it). Such columns are kept as
	// text
	// and cast back by the restore SQL.
	private static final String COLUMN_TYPES = """
			SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
			       t.typnamespace <> 'pg_catalog'::regnamespace
			       OR (t.typelem <> 0 AND e.typnamespace <> 'pg_catalog'::regnamespace)
			FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
			LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem
			WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
			ORDER BY a.attnum""";

	private record Column(String name, String type, boolean ownType) {

		/**
		 * The column as the copy selects it: text when its type belongs to the schema.
		 */
		String kept() {
			String q = Identifiers.quote(this.name);
			return this.ownType ? q + "::text AS " + q : q;
		}

		/** The kept value as the restore reads it back, in the column's own type. */
		String restored(String alias) {
			String q = (alias == null ? "" : alias + ".") + Identifiers.quote(this.name);
			return this.ownType ? q + "::" + this.type : q;
		}

	}

	private static final String PRIMARY_KEY = """
			SELECT a.attname FROM pg_catalog.pg_index i
			JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
			WHERE i.indrelid = ?::oid AND i.indisprimary ORDER BY pg_catalog.array_position(i.indkey::int2[], a.attnum)""";

	private static final String INSERT_ENTRY = "INSERT INTO " + ENTRIES
			+ " (migration_id, kind, source_schema, source_table, source_column) VALUES (?, ?, ?, ?, ?) RETURNING id";

	private static final String FINISH_ENTRY = "UPDATE " + ENTRIES
			+ " SET trash_table = ?, row_count = ?, restore_sql = ? WHERE id = ?";

	private static final String LIST = "SELECT id, migration_id, kind, source_schema, source_table, source_column,"
			+ " trash_table, row_count, trashed_at, restore_sql FROM " + ENTRIES + " ORDER BY id";

	private static final String EXISTS = "SELECT pg_catalog.to_regclass(?) IS NOT NULL";

	private Trash() {
	}

	/**
	 * Copies what {@code statement} is about to destroy into the trash, on the caller's
	 * connection (inside its transaction when there is one); objects that do not exist
	 * are skipped, as the statement's IF EXISTS would skip them.
	 */
	public static List<TrashEntry> keep(Connection connection, String migrationId, SqlStatement statement)
			throws SQLException {
		List<TrashEntry> kept = new ArrayList<>();
		for (DbObject object : DdlObjects.destroyed(List.of(statement))) {
			if (object.kind() == DbObject.Kind.TABLE) {
				keepTable(connection, migrationId, object).ifPresent(kept::add);
			}
			else if (object.kind() == DbObject.Kind.COLUMN) {
				keepColumn(connection, migrationId, object).ifPresent(kept::add);
			}
		}
		return kept;
	}

	/** What the trash holds, oldest first; empty when it was never used. */
	public static List<TrashEntry> list(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return list(connection);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the trash in schema " + SCHEMA, ex,
					"Check that the user may read schema " + SCHEMA + ".");
		}
	}

	static List<TrashEntry> list(Connection connection) throws SQLException {
		if (!exists(connection)) {
			return List.of();
		}
		List<TrashEntry> entries = new ArrayList<>();
		try (PreparedStatement ps = connection.prepareStatement(LIST); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				entries.add(new TrashEntry(rs.getLong(1), rs.getString(2),
						TrashEntry.Kind.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)), rs.getString(4),
						rs.getString(5), Optional.ofNullable(rs.getString(6)), rs.getString(7), rs.getLong(8),
						rs.getTimestamp(9).toInstant(), rs.getString(10)));
			}
		}
		return entries;
	}

	/**
	 * {@code trash purge} under the migration lock: drops every kept table and the schema
	 * itself in one transaction, with an audit row, after checking under the lock that
	 * the trash holds what the caller showed ({@code expected}); returns what was
	 * dropped.
	 */
	public static List<TrashEntry> purge(EngineSettings settings, List<TrashEntry> expected, Duration lockWait,
			LockWaitListener listener, Cancellation cancellation) {
		try (LockedSession session = LockedSession.open(settings, "trash purge", lockWait, listener, cancellation)) {
			Connection connection = session.connection();
			List<TrashEntry> entries = list(connection);
			if (!ids(entries).equals(ids(expected))) {
				throw new MigshException(
						"The trash changed since it was shown (" + expected.size() + " entries then, " + entries.size()
								+ " now); nothing was dropped",
						"Look at it again with `trash`, then purge.", ExitCode.PREFLIGHT_REFUSED, null);
			}
			if (entries.isEmpty()) {
				return entries;
			}
			connection.setAutoCommit(false);
			try (Statement st = connection.createStatement()) {
				st.execute("DROP SCHEMA " + Identifiers.quote(SCHEMA) + " CASCADE");
				session.audit(AuditAction.TRASH_PURGE, null, AuditOutcome.OK,
						"dropped " + entries.size() + " kept copies ("
								+ entries.stream().mapToLong(TrashEntry::rows).sum() + " rows): "
								+ String.join(", ", entries.stream().map(TrashEntry::source).toList()));
				connection.commit();
			}
			finally {
				session.resetQuietly();
			}
			return entries;
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not empty the trash in schema " + SCHEMA + "; nothing was dropped", ex,
					"Check that the user owns schema " + SCHEMA + ".");
		}
	}

	private static List<Long> ids(List<TrashEntry> entries) {
		return entries.stream().map(TrashEntry::id).toList();
	}

	private static boolean exists(Connection connection) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(EXISTS)) {
			ps.setString(1, ENTRIES);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private record Source(long oid, String schema, String table) {

		String sql() {
			return Identifiers.qualified(this.schema, this.table);
		}

	}

	private static Optional<Source> resolve(Connection connection, DbObject object, String table) throws SQLException {
		String name = object.schema().map(s -> Identifiers.qualified(s, table)).orElse(Identifiers.quote(table));
		try (PreparedStatement ps = connection.prepareStatement(RELATION)) {
			ps.setString(1, name);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(new Source(rs.getLong(1), rs.getString(2), rs.getString(3)))
						: Optional.empty();
			}
		}
	}

	private static Optional<TrashEntry> keepTable(Connection connection, String migrationId, DbObject object)
			throws SQLException {
		Optional<Source> source = resolve(connection, object, object.name());
		if (source.isEmpty()) {
			return Optional.empty();
		}
		Source s = source.get();
		long id = begin(connection, migrationId, TrashEntry.Kind.TABLE, s, null);
		String trash = trashName(id, s.table());
		List<Column> all = columns(connection, s.oid());
		long rows = copy(connection, "CREATE TABLE " + Identifiers.qualified(SCHEMA, trash) + " AS SELECT "
				+ join(all.stream().map(Column::kept).toList()) + " FROM " + s.sql());
		String columns = join(all.stream().map(c -> Identifiers.quote(c.name())).toList());
		String restore = "INSERT INTO " + s.sql() + " (" + columns + ") OVERRIDING SYSTEM VALUE SELECT "
				+ join(all.stream().map(c -> c.restored(null)).toList()) + " FROM "
				+ Identifiers.qualified(SCHEMA, trash) + ";";
		return Optional.of(finish(connection, id, migrationId, TrashEntry.Kind.TABLE, s, null, trash, rows, restore));
	}

	private static Optional<TrashEntry> keepColumn(Connection connection, String migrationId, DbObject object)
			throws SQLException {
		int dot = object.name().lastIndexOf('.');
		String table = object.name().substring(0, dot);
		String column = object.name().substring(dot + 1);
		Optional<Source> source = resolve(connection, object, table);
		if (source.isEmpty() || !names(connection, COLUMNS, source.get().oid()).contains(column)) {
			return Optional.empty();
		}
		Source s = source.get();
		List<String> key = names(connection, PRIMARY_KEY, s.oid());
		long id = begin(connection, migrationId, TrashEntry.Kind.COLUMN, s, column);
		String trash = trashName(id, s.table() + "_" + column);
		String trashSql = Identifiers.qualified(SCHEMA, trash);
		String col = Identifiers.quote(column);
		long rows;
		String restore;
		List<Column> all = columns(connection, s.oid());
		Column dropped = all.stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow();
		if (key.isEmpty() || key.contains(column)) {
			rows = copy(connection,
					"CREATE TABLE " + trashSql + " AS SELECT " + join(all.stream().map(Column::kept).toList())
							+ " FROM " + s.sql() + " WHERE " + col + " IS NOT NULL");
			restore = "-- " + s.sql() + " has no primary key to match rows by: the rows are kept whole in " + trashSql
					+ "; match them by hand, e.g.\nSELECT * FROM " + trashSql + ";";
		}
		else {
			String keys = String.join(", ", key.stream().map(Identifiers::quote).toList());
			rows = copy(connection, "CREATE TABLE " + trashSql + " AS SELECT " + keys + ", " + dropped.kept() + " FROM "
					+ s.sql() + " WHERE " + col + " IS NOT NULL");
			String match = String.join(" AND ",
					key.stream().map(k -> "t." + Identifiers.quote(k) + " = s." + Identifiers.quote(k)).toList());
			restore = "UPDATE " + s.sql() + " AS t SET " + col + " = " + dropped.restored("s") + " FROM " + trashSql
					+ " AS s WHERE " + match + ";";
		}
		return Optional
			.of(finish(connection, id, migrationId, TrashEntry.Kind.COLUMN, s, column, trash, rows, restore));
	}

	private static List<Column> columns(Connection connection, long oid) throws SQLException {
		List<Column> columns = new java.util.ArrayList<>();
		try (PreparedStatement ps = connection.prepareStatement(COLUMN_TYPES)) {
			ps.setLong(1, oid);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					columns.add(new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
				}
			}
		}
		return columns;
	}

	private static String join(List<String> parts) {
		return String.join(", ", parts);
	}

	private static long begin(Connection connection, String migrationId, TrashEntry.Kind kind, Source source,
			String column) throws SQLException {
		try (Statement st = connection.createStatement()) {
			st.execute(CREATE_SCHEMA);
			st.execute(CREATE_ENTRIES);
		}
		try (PreparedStatement ps = connection.prepareStatement(INSERT_ENTRY)) {
			ps.setString(1, migrationId);
			ps.setString(2, kind.word());
			ps.setString(3, source.schema());
			ps.setString(4, source.table());
			ps.setString(5, column);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static TrashEntry finish(Connection connection, long id, String migrationId, TrashEntry.Kind kind,
			Source source, String column, String trash, long rows, String restore) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(FINISH_ENTRY)) {
			ps.setString(1, trash);
			ps.setLong(2, rows);
			ps.setString(3, restore);
			ps.setLong(4, id);
			ps.executeUpdate();
		}
		return new TrashEntry(id, migrationId, kind, source.schema(), source.table(), Optional.ofNullable(column),
				trash, rows, java.time.Instant.now(), restore);
	}

	private static long copy(Connection connection, String sql) throws SQLException {
		try (Statement st = connection.createStatement()) {
			st.setEscapeProcessing(false);
			return st.executeUpdate(sql);
		}
	}

	private static List<String> names(Connection connection, String sql, long oid) throws SQLException {
		List<String> names = new ArrayList<>();
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			ps.setLong(1, oid);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
		}
		return names;
	}

	/** {@code 12_users_bio}, cut to PostgreSQL's 63-byte identifier limit. */
	static String trashName(long id, String base) {
		String name = id + "_" + base;
		while (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
			name = name.substring(0, name.length() - 1);
		}
		return name;
	}

}
