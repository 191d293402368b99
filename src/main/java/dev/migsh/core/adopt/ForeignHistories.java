package dev.migsh.core.adopt;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migsh.core.MigshException;
import dev.migsh.core.postgres.Identifiers;

/**
 * Finds other migration tools' history tables by their columns (three tools call theirs
 * {@code schema_migrations}) and reads them. It only reads: nothing in those tables or
 * anywhere else is changed.
 */
public final class ForeignHistories {

	static final String SEARCH_PATH = "SELECT current_schemas(false)";

	static final String TABLES = """
			SELECT n.nspname, c.relname,
				array_agg(a.attname::text ORDER BY a.attnum),
				array_agg(format_type(a.atttypid, NULL) ORDER BY a.attnum)
			FROM unnest(?::text[]) WITH ORDINALITY AS wanted(name, position)
			JOIN pg_namespace n ON n.nspname = wanted.name
			JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
			JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			GROUP BY wanted.position, n.nspname, c.relname
			ORDER BY wanted.position, c.relname""";

	private static final List<String> SCRIPT_SUFFIXES = List.of(".js", ".ts", ".cjs", ".mjs");

	private ForeignHistories() {
	}

	/**
	 * Every other tool's history table in {@code schemas} (the schemas on the session's
	 * search_path when the list is empty), in schema order then by table name.
	 * @throws MigshException when the catalog or a history table cannot be read
	 */
	public static List<ForeignHistory> detect(Connection connection, List<String> schemas) {
		try {
			List<String> wanted = schemas.isEmpty() ? searchPath(connection) : schemas;
			List<TableShape> tables = tables(connection, wanted);
			List<ForeignHistory> found = new ArrayList<>();
			for (TableShape shape : tables) {
				boolean railsMetadata = tables.stream()
					.anyMatch(t -> t.schema().equals(shape.schema()) && t.table().equals("ar_internal_metadata"));
				Optional<ForeignTool> tool = shape.tool(railsMetadata);
				if (tool.isPresent()) {
					read(connection, shape, tool.get()).ifPresent(found::add);
				}
			}
			return found;
		}
		catch (SQLException ex) {
			throw new MigshException("could not read other tools' migration history: " + ex.getMessage(),
					"the database user needs USAGE on the schemas and SELECT on the history tables", ex);
		}
	}

	private static Optional<ForeignHistory> read(Connection connection, TableShape shape, ForeignTool tool)
			throws SQLException {
		ForeignRows rows = new ForeignRows(connection, shape);
		List<ForeignEntry> entries;
		try {
			entries = rows.read(tool);
		}
		catch (SQLException ex) {
			throw new MigshException(
					"could not read the " + tool.displayName() + " history in "
							+ Identifiers.qualified(shape.schema(), shape.table()) + ": " + ex.getMessage(),
					"grant SELECT on that table to the database user, or name the schemas to search", ex);
		}
		if (!looksLikeHistory(shape, tool, entries)) {
			return Optional.empty();
		}
		return Optional.of(new ForeignHistory(tool, shape.schema(), shape.table(), rows.count(), entries));
	}

	/**
	 * The one-column shapes are common in ordinary schemas (a lookup table of names);
	 * they count as history only when their rows look like the tool's, or, empty, when
	 * the table has the tool's usual name.
	 */
	static boolean looksLikeHistory(TableShape shape, ForeignTool tool, List<ForeignEntry> entries) {
		return switch (tool) {
			// sequelize-cli keeps the seeders it ran in SequelizeData, shaped like
			// SequelizeMeta
			case SEQUELIZE -> !shape.isNamed("sequelizedata") && (entries.isEmpty() ? shape.isNamed("sequelizemeta")
					: entries.stream().allMatch(e -> isScriptName(e.rawId())));
			case DBMATE -> entries.isEmpty() ? shape.isNamed("schema_migrations")
					: entries.stream().allMatch(e -> e.version().matches("\\d+"));
			default -> true;
		};
	}

	private static boolean isScriptName(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		return SCRIPT_SUFFIXES.stream().anyMatch(lower::endsWith);
	}

	private static List<String> searchPath(Connection connection) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(SEARCH_PATH); ResultSet rs = ps.executeQuery()) {
			rs.next();
			return strings(rs.getArray(1));
		}
	}

	/** The shape of one table, to write to it with its own column spelling. */
	static Optional<TableShape> shape(Connection connection, String schema, String table) throws SQLException {
		return tables(connection, List.of(schema)).stream().filter(t -> t.table().equals(table)).findFirst();
	}

	private static List<TableShape> tables(Connection connection, List<String> schemas) throws SQLException {
		List<TableShape> tables = new ArrayList<>();
		try (PreparedStatement ps = connection.prepareStatement(TABLES)) {
			ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					tables.add(TableShape.of(rs.getString(1), rs.getString(2), strings(rs.getArray(3)),
							strings(rs.getArray(4))));
				}
			}
		}
		return tables;
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

}
