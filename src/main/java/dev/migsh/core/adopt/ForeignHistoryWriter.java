package dev.migsh.core.adopt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.Checksums;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Version;

/**
 * Appends one migration to another tool's history table in that tool's own format, so an
 * application that still runs its old migrator at start-up does not run again what migsh
 * applied. Writing a migration the table already records changes nothing; the caller
 * holds the migration lock and owns the transaction.
 */
public final class ForeignHistoryWriter {

	static final String SEQUELIZE = "INSERT INTO {table} ({name}) VALUES (?) ON CONFLICT DO NOTHING";

	static final String GOLANG_MIGRATE_CURRENT = "SELECT coalesce(max({version}), -1) FROM {table}";

	static final String GOLANG_MIGRATE_CLEAR = "DELETE FROM {table}";

	static final String GOLANG_MIGRATE_SET = "INSERT INTO {table} ({version}, {dirty}) VALUES (?, ?)";

	static final String VERSIONS = """
			INSERT INTO {table} ({version}) SELECT ?
			WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {version} = ?)""";

	// a version counts as applied when its latest row is a successful one that is not
	// Flyway's DELETE marker (what an undo writes)
	static final String FLYWAY = """
			INSERT INTO {table} ({installed_rank}, {version}, {description}, {type}, {script}, {checksum},
				{installed_by}, {installed_on}, {execution_time}, {success})
			SELECT coalesce((SELECT max({installed_rank}) FROM {table}), 0) + 1, ?, ?, 'SQL', ?, ?, current_user,
				now(), ?, true
			WHERE NOT coalesce((SELECT {type} <> 'DELETE' AND {success} FROM {table} WHERE {version} = ?
				ORDER BY {installed_rank} DESC LIMIT 1), false)""";

	static final String KNEX = """
			INSERT INTO {table} ({name}, {batch}, {migration_time})
			SELECT ?, coalesce(max({batch}), 0) + 1, now() FROM {table}
			HAVING NOT bool_or({name} = ?) IS TRUE""";

	static final String PRISMA = """
			INSERT INTO {table} ({id}, {checksum}, {finished_at}, {migration_name}, {started_at}, {applied_steps_count})
			SELECT ?, ?, now(), ?, now(), 1
			WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {migration_name} = ? AND {finished_at} IS NOT NULL
				AND {rolled_back_at} IS NULL)""";

	private ForeignHistoryWriter() {
	}

	/**
	 * Records {@code migration} as applied in {@code history}'s table.
	 * @return false when the table already recorded it (or, for golang-migrate, a later
	 * version)
	 * @throws MigshException for a tool whose table cannot be kept in step (Liquibase,
	 * Alembic), a version the tool cannot store, or a failed write
	 */
	public static boolean append(Connection connection, ForeignHistory history, MigrationFile migration) {
		try {
			TableShape shape = ForeignHistories.shape(connection, history.schema(), history.table())
				.orElseThrow(() -> new MigshException(history.qualifiedName() + " no longer exists",
						"run adopt again to find the other tool's history"));
			return write(connection, shape, history, migration, 0);
		}
		catch (SQLException ex) {
			throw failure(history, migration.id(), ex);
		}
	}

	static MigshException failure(ForeignHistory history, String id, SQLException ex) {
		return new MigshException(
				"could not record " + id + " in the " + history.tool().displayName() + " history "
						+ history.qualifiedName() + ": " + ex.getMessage(),
				"grant INSERT, UPDATE and DELETE on that table, or stop keeping it in step (leave out --keep-history)",
				ex);
	}

	static boolean write(Connection connection, TableShape shape, ForeignHistory history, MigrationFile migration,
			long executionMs) throws SQLException {
		String version = migration.version().text();
		return switch (history.tool()) {
			case SEQUELIZE -> update(connection, shape.render(SEQUELIZE), migration.id() + extension(history));
			case GOLANG_MIGRATE -> golangMigrate(connection, shape, migration.version(), false);
			case DBMATE, RAILS -> update(connection, shape.render(VERSIONS), version, version);
			case FLYWAY -> {
				FlywayScript script = FlywayScript.of(migration);
				yield update(connection, shape.render(FLYWAY), script.version(), script.description(), script.name(),
						script.checksum(), (int) Math.min(executionMs, Integer.MAX_VALUE), script.version());
			}
			case KNEX -> {
				String name = migration.id() + extension(history);
				yield update(connection, shape.render(KNEX), name, name);
			}
			case PRISMA -> update(connection, shape.render(PRISMA), UUID.randomUUID().toString(),
					Checksums.sha256(migration.up().sql()), migration.id(), migration.id());
			case LIQUIBASE, ALEMBIC ->
				throw new MigshException("migsh cannot keep a " + history.tool().displayName() + " history in step",
						history.tool() == ForeignTool.ALEMBIC
								? "Alembic needs its own revision chain; stop running alembic upgrade at start-up"
								: "Liquibase identifies changesets by id, author and changelog file; stop running"
										+ " Liquibase at start-up");
		};
	}

	/**
	 * golang-migrate's one row: the highest version, with {@code dirty} while a migration
	 * runs outside a transaction. An older version never moves it back.
	 * @return true when the version moved forward
	 */
	static boolean golangMigrate(Connection connection, TableShape shape, Version version, boolean dirty)
			throws SQLException {
		long wanted = golangVersion(version);
		long current;
		try (PreparedStatement ps = connection.prepareStatement(shape.render(GOLANG_MIGRATE_CURRENT));
				var rs = ps.executeQuery()) {
			rs.next();
			current = rs.getLong(1);
		}
		golangMigrateSet(connection, shape, Math.max(current, wanted), dirty);
		return current < wanted;
	}

	/**
	 * Sets golang-migrate's row as the tool does: delete, then insert unless nil (-1).
	 */
	static void golangMigrateSet(Connection connection, TableShape shape, long version, boolean dirty)
			throws SQLException {
		update(connection, shape.render(GOLANG_MIGRATE_CLEAR));
		if (version >= 0) {
			update(connection, shape.render(GOLANG_MIGRATE_SET), version, dirty);
		}
	}

	/** The version as golang-migrate stores it (a bigint). */
	static long golangVersion(Version version) {
		if (version.parts().size() != 1 || version.parts().get(0).bitLength() >= Long.SIZE) {
			throw new MigshException("golang-migrate cannot store version " + version.text(),
					"golang-migrate versions are whole numbers that fit a bigint");
		}
		return version.parts().get(0).longValueExact();
	}

	/**
	 * The script extension the tool's rows use most ({@code .js} when there are none), so
	 * the old tool recognises the row as its file's.
	 */
	static String extension(ForeignHistory history) {
		Map<String, Long> counts = history.entries()
			.stream()
			.map(ForeignEntry::rawId)
			.filter(raw -> raw.contains("."))
			.map(raw -> raw.substring(raw.lastIndexOf('.')).toLowerCase(Locale.ROOT))
			.filter(ext -> List.of(".js", ".ts", ".cjs", ".mjs").contains(ext))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		return counts.entrySet()
			.stream()
			.max(Map.Entry.<String, Long>comparingByValue()
				.thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
			.map(Map.Entry::getKey)
			.orElse(".js");
	}

	static boolean update(Connection connection, String sql, Object... values) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				ps.setObject(i + 1, values[i]);
			}
			return ps.executeUpdate() > 0;
		}
	}

}
