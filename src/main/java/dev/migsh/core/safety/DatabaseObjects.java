package dev.migsh.core.safety;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	// the relations of a whole plan in one round trip; a schema that does not exist finds
	// nothing (to_regclass is not asked then)
	private static final String RELATIONS = """
			SELECT u.i, n.nspname FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS u(name, schema, i)
			LEFT JOIN pg_catalog.pg_class c ON c.oid = CASE
				WHEN u.schema IS NULL OR EXISTS (SELECT FROM pg_catalog.pg_namespace s WHERE s.nspname = u.schema)
				THEN pg_catalog.to_regclass(u.name) END
			LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace""";

	private final Connection connection;

	/** What {@link #prefetch} found, by object: the schema it is in, or empty. */
	private final Map<DbObject, Optional<String>> found = new HashMap<>();

	DatabaseObjects(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Looks up the tables, views, indexes and sequences among {@code objects} in one
	 * query, so a plan of many migrations costs one round trip rather than one per
	 * object; {@link #locate} answers them from what it found. A name the server cannot
	 * parse fails the batch: each is then looked up alone, as before.
	 */
	void prefetch(Collection<DbObject> objects) {
		List<DbObject> relations = objects.stream().filter(DatabaseObjects::isRelation).distinct().toList();
		if (relations.size() < 2) {
			return;
		}
		try (PreparedStatement ps = this.connection.prepareStatement(RELATIONS)) {
			ps.setArray(1, this.connection.createArrayOf("text", relations.stream().map(DbObject::sqlName).toArray()));
			ps.setArray(2, this.connection.createArrayOf("text",
					relations.stream().map(r -> r.schema().orElse(null)).toArray()));
			Map<DbObject, Optional<String>> batch = new HashMap<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					batch.put(relations.get(rs.getInt(1) - 1), Optional.ofNullable(rs.getString(2)));
				}
			}
			this.found.putAll(batch);
		}
		catch (SQLException ex) {
			// looked up one by one by locate()
		}
	}

	private static boolean isRelation(DbObject object) {
		return switch (object.kind()) {
			case SCHEMA, TYPE, DOMAIN, FUNCTION, PROCEDURE, COLUMN -> false;
			default -> true;
		};
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
		Optional<String> prefetched = this.found.get(object);
		if (prefetched != null) {
			return prefetched;
		}
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
