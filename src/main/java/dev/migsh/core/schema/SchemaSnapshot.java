package dev.migsh.core.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.migsh.core.MigshException;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * The whole user-visible schema of a database as comparable objects: schemas, extensions,
 * types, sequences, tables, columns, constraints, indexes, views, functions, triggers and
 * policies. Objects are ordered by type then name, so two snapshots of equal schemas are
 * equal.
 *
 * @param objects every object, ordered by type and name
 */
public record SchemaSnapshot(List<SchemaObject> objects) {

	private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema");

	public SchemaSnapshot {
		objects = objects.stream()
			.sorted(Comparator.comparing(SchemaObject::type).thenComparing(SchemaObject::name))
			.toList();
	}

	/**
	 * Reads the snapshot of the database, leaving out the system schemas, the objects
	 * extensions own, and {@code excludedSchemas} (e.g. migsh's history schema).
	 */
	public static SchemaSnapshot read(DataSource dataSource, Set<String> excludedSchemas) {
		Set<String> excluded = new LinkedHashSet<>(SYSTEM_SCHEMAS);
		excluded.addAll(excludedSchemas);
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
				jdbc.execute(SnapshotQueries.PIN_SEARCH_PATH);
				List<SchemaObject> objects = new ArrayList<>();
				for (Map.Entry<ObjectType, String> query : SnapshotQueries.BY_TYPE.entrySet()) {
					objects.addAll(read(jdbc, query.getKey(), query.getValue(), excluded));
				}
				return new SchemaSnapshot(objects);
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new MigshException("Could not read the database schema: " + ex.getMessage(),
					"Check the connection with 'info' and try again.", ex);
		}
	}

	private static List<SchemaObject> read(JdbcTemplate jdbc, ObjectType type, String sql, Set<String> excluded) {
		return jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.setArray(1, connection.createArrayOf("text", excluded.toArray()));
			return statement;
		}, (rs, n) -> {
			ResultSetMetaData meta = rs.getMetaData();
			TreeMap<String, String> properties = new TreeMap<>();
			String parent = null;
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				String column = meta.getColumnLabel(i);
				String value = rs.getString(i);
				if (column.equals("parent")) {
					parent = value;
				}
				else if (!column.equals("name") && value != null) {
					properties.put(column, value);
				}
			}
			return new SchemaObject(type, rs.getString("name"), parent, properties);
		});
	}

	public Optional<SchemaObject> find(ObjectType type, String name) {
		return this.objects.stream().filter((o) -> o.type() == type && o.name().equals(name)).findFirst();
	}

	public List<SchemaObject> ofType(ObjectType type) {
		return this.objects.stream().filter((o) -> o.type() == type).toList();
	}

}
