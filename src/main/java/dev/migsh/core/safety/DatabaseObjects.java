package dev.migsh.core.safety;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.ObjectTimeline;

/**
 * Finds objects in the database through one connection, resolving unqualified names as
 * the connection's search_path does; the {@link ObjectTimeline.Database} pre-flight uses.
 */
final class DatabaseObjects implements ObjectTimeline.Database {

	static final String SEARCH_PATH = "SELECT pg_catalog.current_schemas(false)";

	private static final String SCHEMA = "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ?";

	private static final String RELATION = """
			SELECT n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE c.oid = pg_catalog.to_regclass(?)""";

	private static final String TYPE = """
			SELECT n.nspname FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
			WHERE t.oid = pg_catalog.to_regtype(?)""";

	private static final String ROUTINE = """
			SELECT n.nspname FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
			WHERE p.proname = ? AND CASE WHEN ?::text IS NULL THEN pg_catalog.pg_function_is_visible(p.oid)
			                             ELSE n.nspname = ? END
			LIMIT 1""";

	private static final String COLUMN = """
			SELECT n.nspname FROM pg_catalog.pg_attribute a
			JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE a.attrelid = pg_catalog.to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped""";

	private final Connection connection;

	DatabaseObjects(Connection connection) {
		this.connection = connection;
	}

	/** The schemas of the search_path that exist, in order. */
	List<String> searchPath() throws SQLException {
		List<String> schemas = new ArrayList<>();
		try (PreparedStatement ps = this.connection.prepareStatement(SEARCH_PATH); ResultSet rs = ps.executeQuery()) {
			if (rs.next()) {
				Array array = rs.getArray(1);
				for (Object schema : (Object[]) array.getArray()) {
					schemas.add((String) schema);
				}
			}
		}
		return schemas;
	}

	@Override
	public Optional<String> locate(DbObject object) {
		try {
			if (object.kind() == DbObject.Kind.SCHEMA) {
				return first(SCHEMA, object.name());
			}
			if (object.schema().isPresent() && first(SCHEMA, object.schema().get()).isEmpty()) {
				return Optional.empty();
			}
			return switch (object.kind()) {
				case TYPE, DOMAIN -> type(object);
				case FUNCTION, PROCEDURE ->
					first(ROUTINE, object.name(), object.schema().orElse(null), object.schema().orElse(null));
				case COLUMN -> {
					int dot = lastDotOutsideQuotes(object.sqlName());
					yield first(COLUMN, object.sqlName().substring(0, dot),
							object.name().substring(object.name().lastIndexOf('.') + 1));
				}
				default -> first(RELATION, object.sqlName());
			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/** Older servers raise an error where to_regtype() cannot parse the name. */
	private Optional<String> type(DbObject object) {
		try {
			return first(TYPE, object.sqlName());
		}
		catch (SQLException ex) {
			return Optional.empty();
		}
	}

	private Optional<String> first(String sql, String... parameters) throws SQLException {
		try (PreparedStatement ps = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				ps.setString(i + 1, parameters[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
			}
		}
	}

	/**
	 * {@code "a.b".c} splits before {@code c}: dots inside double quotes are part of a
	 * name.
	 */
	static int lastDotOutsideQuotes(String name) {
		boolean quoted = false;
		int dot = -1;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '.' && !quoted) {
				dot = i;
			}
		}
		return dot;
	}

}
