package dev.migsh.core.adopt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Version;
import dev.migsh.core.postgres.Identifiers;

/**
 * Another tool's history table kept in step with migsh's ({@code --keep-history TOOL}):
 * every migration migsh applies, marks, undoes or marks pending is written to it as that
 * tool would have written it, on the caller's connection and so in the caller's
 * transaction, under the migration lock. A table that is missing is created the way the
 * tool creates it, with the first write. {@link #NONE} writes nothing.
 */
public final class KeptHistory {

	/** No other tool: every method does nothing, with no round trip. */
	public static final KeptHistory NONE = new KeptHistory(null, null, null, List.of(), false);

	static final String SEQUELIZE_REMOVE = "DELETE FROM {table} WHERE {name} = ANY (?)";

	static final String VERSION_REMOVE = "DELETE FROM {table} WHERE {version} = ?";

	static final String KNEX_REMOVE = "DELETE FROM {table} WHERE {name} = ANY (?)";

	static final String PRISMA_REMOVE = """
			UPDATE {table} SET {rolled_back_at} = now()
			WHERE {migration_name} = ? AND {rolled_back_at} IS NULL""";

	// what `flyway repair` writes for a migration taken away: Flyway then shows the
	// version as deleted and its file as pending (Flyway's own UNDO_SQL rows are a paid
	// feature: the free edition refuses to validate a table that holds one)
	static final String FLYWAY_REMOVE = """
			INSERT INTO {table} ({installed_rank}, {version}, {description}, {type}, {script}, {checksum},
				{installed_by}, {installed_on}, {execution_time}, {success})
			SELECT (SELECT max({installed_rank}) FROM {table}) + 1, latest.{version}, latest.{description}, 'DELETE',
				latest.{script}, NULL, current_user, now(), 0, true
			FROM (SELECT * FROM {table} WHERE {version} = ? ORDER BY {installed_rank} DESC LIMIT 1) latest
			WHERE latest.{type} <> 'DELETE' AND latest.{success}""";

	private static final List<String> SCRIPT_EXTENSIONS = List.of(".js", ".ts", ".cjs", ".mjs");

	private final ForeignTool tool;

	private final String schema;

	private final String table;

	private final List<ForeignEntry> entries;

	private final boolean exists;

	private TableShape shape;

	private KeptHistory(ForeignTool tool, String schema, String table, List<ForeignEntry> entries, boolean exists) {
		this.tool = tool;
		this.schema = schema;
		this.table = table;
		this.entries = entries;
		this.exists = exists;
	}

	/**
	 * {@code tool}'s history table on the session's search_path (the first one found), or
	 * the one the tool would create in the current schema when there is none.
	 * @throws MigshException for a tool whose table migsh cannot keep in step
	 */
	public static KeptHistory find(Connection connection, ForeignTool tool) {
		if (!tool.keepable()) {
			throw new MigshException("migsh cannot keep a " + tool.displayName() + " history in step",
					"--keep-history takes " + String.join(", ", ForeignTool.keepableNames()));
		}
		Optional<ForeignHistory> found = ForeignHistories.detect(connection, List.of())
			.stream()
			.filter(h -> h.tool() == tool)
			.findFirst();
		if (found.isPresent()) {
			ForeignHistory h = found.get();
			return new KeptHistory(tool, h.schema(), h.table(), h.entries(), true);
		}
		try (Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery("SELECT pg_catalog.current_schema()")) {
			rs.next();
			String schema = rs.getString(1);
			if (schema == null) {
				throw new MigshException(
						"no schema to create the " + tool.displayName() + " history in: the search_path is empty",
						"set a search_path for the user, or create the table where the application expects it");
			}
			String name = ForeignHistoryTables.name(tool);
			if (ForeignHistories.shape(connection, schema, name).isPresent()) {
				throw new MigshException(
						Identifiers.qualified(schema, name) + " exists but is not a " + tool.displayName()
								+ " history (its columns are another tool's)",
						"check which tool the application runs at start-up (`adopt --dry-run` names the tool of each"
								+ " history table), and pass that one to --keep-history");
			}
			return new KeptHistory(tool, schema, name, List.of(), false);
		}
		catch (SQLException ex) {
			throw new MigshException("could not find the " + tool.displayName() + " history: " + ex.getMessage(),
					"check the connection and the user's search_path", ex);
		}
	}

	public boolean isNone() {
		return this.tool == null;
	}

	public ForeignTool tool() {
		return this.tool;
	}

	/** Whether the table existed when found (false: the first write creates it). */
	public boolean exists() {
		return this.exists;
	}

	/** schema.table as PostgreSQL needs it written. */
	public String qualifiedName() {
		return Identifiers.qualified(this.schema, this.table);
	}

	/** What applying (or marking applied) {@code files} writes, one phrase. */
	public String describeApplying(List<MigrationFile> files) {
		if (files.isEmpty()) {
			return "nothing to write";
		}
		MigrationFile last = files.get(files.size() - 1);
		return switch (this.tool) {
			case SEQUELIZE -> "adds " + names(files, f -> f.id() + extension());
			case GOLANG_MIGRATE -> "sets version " + ForeignHistoryWriter.golangVersion(last.version())
					+ ", dirty false" + (files.stream().anyMatch(f -> !f.up().transactional())
							? " (dirty true while a migration without a transaction runs)" : "");
			case DBMATE, RAILS -> "adds version " + names(files, f -> f.version().text());
			case FLYWAY -> "adds SQL rows " + names(files, f -> {
				FlywayScript s = FlywayScript.of(f);
				return s.name() + " (checksum " + s.checksum() + ")";
			});
			case KNEX -> "adds " + names(files, f -> f.id() + extension()) + " in a new batch";
			case PRISMA -> "adds " + names(files, MigrationFile::id);
			case LIQUIBASE, ALEMBIC -> throw new IllegalStateException();
		};
	}

	/** What undoing (or marking pending) {@code ids} writes, with the versions left. */
	public String describeRemoving(List<String> ids, List<String> versions, List<String> remainingVersions) {
		return switch (this.tool) {
			case SEQUELIZE, KNEX -> "removes " + String.join(", ", ids.stream().map(id -> id + extension()).toList());
			case GOLANG_MIGRATE -> golangLatest(remainingVersions).map(v -> "sets version " + v + ", dirty false")
				.orElse("empties the table (no version left)");
			case DBMATE, RAILS -> "removes version " + String.join(", ", versions);
			case FLYWAY -> "adds a DELETE row for version "
					+ String.join(", ", versions.stream().map(v -> v.replace('_', '.')).toList())
					+ " (Flyway then shows it pending, as after an undo)";
			case PRISMA -> "marks " + String.join(", ", ids) + " rolled back";
			case LIQUIBASE, ALEMBIC -> throw new IllegalStateException();
		};
	}

	/**
	 * Before a migration without a transaction runs: golang-migrate records the version
	 * dirty, so a failure leaves it dirty; the other tools write nothing yet.
	 */
	public void starting(Connection connection, MigrationFile file) {
		if (this.tool != ForeignTool.GOLANG_MIGRATE) {
			return;
		}
		try {
			ForeignHistoryWriter.golangMigrate(connection, shape(connection), file.version(), true);
		}
		catch (SQLException ex) {
			throw ForeignHistoryWriter.failure(history(), file.id(), ex);
		}
	}

	/** {@code file} was applied (or marked applied) in {@code executionMs}. */
	public void applied(Connection connection, MigrationFile file, long executionMs) {
		if (isNone()) {
			return;
		}
		try {
			ForeignHistoryWriter.write(connection, shape(connection), history(), file, executionMs);
		}
		catch (SQLException ex) {
			throw ForeignHistoryWriter.failure(history(), file.id(), ex);
		}
	}

	/**
	 * {@code id} was undone (or marked pending); {@code remainingVersions} are the
	 * versions still applied after it.
	 */
	public void removed(Connection connection, String id, String version, List<String> remainingVersions) {
		if (isNone()) {
			return;
		}
		try {
			TableShape shape = shape(connection);
			switch (this.tool) {
				case SEQUELIZE -> ForeignHistoryWriter.update(connection, shape.render(SEQUELIZE_REMOVE),
						connection.createArrayOf("text", scriptNames(id)));
				case KNEX -> ForeignHistoryWriter.update(connection, shape.render(KNEX_REMOVE),
						connection.createArrayOf("text", scriptNames(id)));
				case GOLANG_MIGRATE -> ForeignHistoryWriter.golangMigrateSet(connection, shape,
						golangLatest(remainingVersions).orElse(-1L), false);
				case DBMATE, RAILS -> ForeignHistoryWriter.update(connection, shape.render(VERSION_REMOVE), version);
				case FLYWAY ->
					ForeignHistoryWriter.update(connection, shape.render(FLYWAY_REMOVE), version.replace('_', '.'));
				case PRISMA -> ForeignHistoryWriter.update(connection, shape.render(PRISMA_REMOVE), id);
				case LIQUIBASE, ALEMBIC -> throw new IllegalStateException();
			}
		}
		catch (SQLException ex) {
			throw ForeignHistoryWriter.failure(history(), id, ex);
		}
	}

	private Optional<Long> golangLatest(List<String> versions) {
		return versions.stream().map(Version::parse).max(Version::compareTo).map(ForeignHistoryWriter::golangVersion);
	}

	private Object[] scriptNames(String id) {
		List<String> names = new ArrayList<>();
		SCRIPT_EXTENSIONS.forEach(ext -> names.add(id + ext));
		return names.toArray();
	}

	private String extension() {
		return ForeignHistoryWriter.extension(history());
	}

	private ForeignHistory history() {
		return new ForeignHistory(this.tool, this.schema, this.table, this.entries.size(), this.entries);
	}

	/** The table's shape, creating the table first (in this transaction) if missing. */
	private TableShape shape(Connection connection) throws SQLException {
		if (this.shape == null) {
			Optional<TableShape> existing = ForeignHistories.shape(connection, this.schema, this.table);
			if (existing.isEmpty()) {
				for (String ddl : ForeignHistoryTables.create(this.tool, this.schema)) {
					try (Statement st = connection.createStatement()) {
						st.execute(ddl);
					}
				}
				existing = ForeignHistories.shape(connection, this.schema, this.table);
			}
			this.shape = existing.orElseThrow();
		}
		return this.shape;
	}

	private static String names(List<MigrationFile> files, java.util.function.Function<MigrationFile, String> name) {
		return String.join(", ", files.stream().map(name).toList());
	}

}
