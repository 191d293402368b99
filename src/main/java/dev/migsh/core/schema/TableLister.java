package dev.migsh.core.schema;

import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migsh.core.postgres.Identifiers;

/**
 * Lists the tables, views and materialized views of the user's schemas, leaving out the
 * system schemas and the schemas migsh keeps for itself.
 */
public final class TableLister {

	private static final String LIST = """
			SELECT n.nspname, c.relname, c.relkind::text AS relkind,
			""" + DescribeQueries.SIZE_AND_ROWS + """
			  FROM pg_catalog.pg_class c
			  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
			   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			   AND n.nspname NOT LIKE 'pg\\_toast%'
			   AND n.nspname NOT LIKE 'pg\\_temp\\_%'
			   AND NOT n.nspname = ANY (?)
			 ORDER BY n.nspname, c.relname
			""";

	// completion needs names only: no sizes, no row estimates, one catalog pass
	private static final String NAMES = """
			SELECT n.nspname, c.relname, pg_catalog.pg_table_is_visible(c.oid) AS visible
			  FROM pg_catalog.pg_class c
			  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
			   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			   AND n.nspname NOT LIKE 'pg\\_toast%'
			   AND n.nspname NOT LIKE 'pg\\_temp\\_%'
			   AND NOT n.nspname = ANY (?)
			 ORDER BY n.nspname, c.relname
			""";

	private final JdbcTemplate jdbc;

	private final Set<String> excludedSchemas;

	/**
	 * @param dataSource the database to list
	 * @param excludedSchemas schemas to leave out besides the system ones, e.g. migsh's
	 * history schema
	 */
	public TableLister(DataSource dataSource, Set<String> excludedSchemas) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.excludedSchemas = Set.copyOf(excludedSchemas);
	}

	/** Every table, view and materialized view, ordered by schema and name. */
	public List<TableSummary> list() {
		return this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(LIST);
			statement.setArray(1, connection.createArrayOf("text", this.excludedSchemas.toArray()));
			return statement;
		}, (rs, n) -> new TableSummary(rs.getString("nspname"), rs.getString("relname"),
				RelationKind.ofRelkind(rs.getString("relkind")), rs.getLong("row_estimate"), rs.getLong("size_bytes")));
	}

	/**
	 * The relations' names as one types them after {@code describe}: bare when the table
	 * is found through the search_path and needs no quotes, else schema-qualified and
	 * quoted as needed.
	 */
	public List<String> names() {
		return this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(NAMES);
			statement.setArray(1, connection.createArrayOf("text", this.excludedSchemas.toArray()));
			return statement;
		}, (rs, n) -> typedName(rs.getString("nspname"), rs.getString("relname"), rs.getBoolean("visible")));
	}

	private static String typedName(String schema, String name, boolean visible) {
		if (visible && Identifiers.quote(name).equals(name)) {
			return name;
		}
		return Identifiers.qualified(schema, name);
	}

}
