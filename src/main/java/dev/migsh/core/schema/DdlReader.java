package dev.migsh.core.schema;

import static dev.migsh.core.schema.DdlText.comment;
import static dev.migsh.core.schema.DdlText.orEmpty;
import static dev.migsh.core.schema.DdlText.prefixed;
import static dev.migsh.core.schema.DdlText.stripSemicolon;
import static dev.migsh.core.schema.DdlText.strings;
import static dev.migsh.core.schema.DdlText.text;
import static dev.migsh.core.schema.DdlText.unqualified;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.migsh.core.MigshException;
import dev.migsh.core.schema.DdlItem.Phase;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * Reads a database's catalog into the DDL that recreates its schema, one {@link DdlItem}
 * per object, in one read-only transaction. Tables are assembled by {@link TableDdl}.
 */
final class DdlReader {

	private static final String SERVER_VERSION = "SELECT current_setting('server_version_num')::int";

	private final JdbcTemplate jdbc;

	private final String[] excluded;

	private final List<DdlItem> items = new ArrayList<>();

	private final List<String> leftOut = new ArrayList<>();

	private final Set<String> skipped = new java.util.HashSet<>();

	private final List<String> notRecreated = new ArrayList<>();

	private DdlReader(JdbcTemplate jdbc, Set<String> excludedSchemas) {
		this.jdbc = jdbc;
		this.excluded = excludedSchemas.toArray(String[]::new);
	}

	static SchemaDdl read(DataSource dataSource, Set<String> excludedSchemas) {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
				jdbc.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
				jdbc.execute(SnapshotQueries.PIN_SEARCH_PATH);
				return new DdlReader(jdbc, excludedSchemas).run();
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

	private SchemaDdl run() {
		schemas();
		extensions();
		types();
		functions();
		sequences();
		new TableDdl(rows(DdlQueries.TABLES), rows(DdlQueries.COLUMNS), rows(DdlQueries.CONSTRAINTS)).build(this.items);
		indexes();
		views();
		triggers();
		rules();
		policies();
		statistics();
		int serverVersion = this.jdbc.queryForObject(SERVER_VERSION, Integer.class);
		for (SupportDdlQueries.Query query : SupportDdlQueries.all(serverVersion)) {
			for (Map<String, Object> row : rows(query.sql())) {
				if (row.get("statements") == null) {
					continue;
				}
				add(text(row, "id"), query.type(), text(row, "name"), query.phase(), strings(row.get("statements")));
				if (row.get("secrets") != null) {
					this.leftOut.add("user mappings of server " + text(row, "name") + " for " + text(row, "secrets")
							+ ": written without their password; set it by hand with ALTER USER MAPPING");
				}
			}
		}
		for (Map<String, Object> row : rows(DdlQueries.UNSUPPORTED)) {
			this.leftOut.add(text(row, "description") + ": not recreated by a baseline; add it to the file by hand");
			this.notRecreated.add(text(row, "description"));
			if (row.get("relation") != null) {
				this.skipped.add(text(row, "relation"));
			}
		}
		List<String[]> edges = this.jdbc.query(DdlQueries.DEPENDENCIES,
				(rs, n) -> new String[] { rs.getString("dependent"), rs.getString("referenced") });
		return new SchemaDdl(this.items, edges, this.leftOut, this.skipped, this.notRecreated);
	}

	private void schemas() {
		for (Map<String, Object> row : rows(DdlQueries.SCHEMAS)) {
			String name = text(row, "name");
			String comment = text(row, "comment");
			List<String> statements = new ArrayList<>();
			if (Boolean.TRUE.equals(row.get("is_public"))) {
				// a new database already has public, with this comment
				if (comment == null) {
					statements.add("COMMENT ON SCHEMA public IS NULL");
				}
				else if (!comment.equals("'standard public schema'")) {
					statements.add("COMMENT ON SCHEMA public IS " + comment);
				}
			}
			else {
				statements.add("CREATE SCHEMA IF NOT EXISTS " + name);
				comment(statements, "SCHEMA " + name, comment);
			}
			add(null, ObjectType.SCHEMA, name, Phase.SCHEMAS, statements);
		}
	}

	private void extensions() {
		for (Map<String, Object> row : rows(DdlQueries.EXTENSIONS)) {
			String name = text(row, "name");
			add(null, ObjectType.EXTENSION, name, Phase.EXTENSIONS, List.of("CREATE EXTENSION IF NOT EXISTS " + name
					+ " WITH SCHEMA " + text(row, "schema") + " VERSION " + text(row, "version")));
		}
	}

	private void types() {
		for (Map<String, Object> row : rows(DdlQueries.TYPES)) {
			String name = text(row, "name");
			List<String> statements = new ArrayList<>();
			switch (text(row, "kind")) {
				case "e" -> statements.add("CREATE TYPE " + name + " AS ENUM (" + orEmpty(text(row, "labels")) + ")");
				case "c" -> statements.add("CREATE TYPE " + name + " AS (" + orEmpty(text(row, "attributes")) + ")");
				case "d" -> {
					statements.add("CREATE DOMAIN " + name + " AS " + text(row, "base_type")
							+ prefixed(" COLLATE ", text(row, "collation"))
							+ prefixed(" DEFAULT ", text(row, "default"))
							+ (Boolean.TRUE.equals(row.get("not_null")) ? " NOT NULL" : "")
							+ orEmpty(text(row, "checks")));
					if (row.get("unvalidated_checks") != null) {
						add(null, ObjectType.TYPE, name, Phase.CHECKS, strings(row.get("unvalidated_checks")));
					}
				}
				default -> statements.add("CREATE TYPE " + name + " AS RANGE (subtype = " + text(row, "subtype")
						+ prefixed(", collation = ", text(row, "range_collation"))
						+ prefixed(", subtype_diff = ", text(row, "subtype_diff"))
						+ prefixed(", multirange_type_name = ", text(row, "multirange")) + ")");
			}
			comment(statements, (text(row, "kind").equals("d") ? "DOMAIN " : "TYPE ") + name, text(row, "comment"));
			add("type:" + row.get("oid"), ObjectType.TYPE, name, Phase.OBJECTS, statements);
		}
	}

	private void functions() {
		for (Map<String, Object> row : rows(DdlQueries.FUNCTIONS)) {
			List<String> statements = new ArrayList<>();
			statements.add(text(row, "definition").strip());
			comment(statements, text(row, "keyword") + " " + text(row, "signature"), text(row, "comment"));
			add("proc:" + row.get("oid"), ObjectType.FUNCTION, text(row, "name"), Phase.OBJECTS, statements);
		}
	}

	private void sequences() {
		for (Map<String, Object> row : rows(DdlQueries.SEQUENCES)) {
			String name = text(row, "name");
			List<String> statements = new ArrayList<>();
			statements.add("CREATE " + (Boolean.TRUE.equals(row.get("unlogged")) ? "UNLOGGED " : "") + "SEQUENCE "
					+ name + " AS " + text(row, "type") + " " + TableDdl.sequenceOptions(row));
			comment(statements, "SEQUENCE " + name, text(row, "comment"));
			add("class:" + row.get("oid"), ObjectType.SEQUENCE, name, Phase.OBJECTS, statements);
			String ownedBy = text(row, "owned_by");
			if (ownedBy != null) {
				add(null, ObjectType.SEQUENCE, name, Phase.SEQUENCE_OWNERSHIP,
						List.of("ALTER SEQUENCE " + name + " OWNED BY " + ownedBy));
			}
		}
	}

	private void indexes() {
		List<Map<String, Object>> attachments = new ArrayList<>();
		for (Map<String, Object> row : rows(DdlQueries.INDEXES)) {
			String name = text(row, "name");
			String table = text(row, "table_name");
			String sqlName = text(row, "sql_name");
			if (!Boolean.TRUE.equals(row.get("valid"))) {
				this.skipped.add(name);
				this.leftOut.add("index " + name + " on " + table + " is INVALID (a failed CREATE INDEX CONCURRENTLY?):"
						+ " left out; drop it, or rebuild it with REINDEX INDEX CONCURRENTLY");
				continue;
			}
			List<String> statements = new ArrayList<>();
			if (!Boolean.TRUE.equals(row.get("for_constraint"))) {
				statements.add(text(row, "definition"));
				comment(statements, "INDEX " + sqlName, text(row, "comment"));
			}
			if (Boolean.TRUE.equals(row.get("clustered"))) {
				statements.add("ALTER TABLE " + table + " CLUSTER ON " + unqualified(name));
			}
			if (Boolean.TRUE.equals(row.get("replica_identity"))) {
				statements.add("ALTER TABLE ONLY " + table + " REPLICA IDENTITY USING INDEX " + unqualified(name));
			}
			if (!statements.isEmpty()) {
				add(null, ObjectType.INDEX, name, table, Phase.INDEXES, statements);
			}
			if (row.get("parent_index") != null) {
				attachments.add(row);
			}
		}
		// leaves first: a parent index becomes valid once all of its partitions' indexes
		// are attached
		attachments.sort(
				(a, b) -> Integer.compare(((Number) b.get("depth")).intValue(), ((Number) a.get("depth")).intValue()));
		for (Map<String, Object> row : attachments) {
			add(null, ObjectType.INDEX, text(row, "name"), text(row, "table_name"), Phase.INDEX_ATTACHMENTS,
					List.of("ALTER INDEX " + text(row, "parent_index") + " ATTACH PARTITION " + text(row, "sql_name")));
		}
	}

	private void views() {
		for (Map<String, Object> row : rows(DdlQueries.VIEWS)) {
			String name = text(row, "name");
			boolean materialized = text(row, "kind").equals("m");
			String query = stripSemicolon(text(row, "definition"));
			StringBuilder create = new StringBuilder("CREATE ").append(materialized ? "MATERIALIZED VIEW " : "VIEW ")
				.append(name)
				.append(prefixed(" WITH (", text(row, "options"), ")"))
				.append(" AS\n")
				.append(query);
			if (materialized) {
				create.append(Boolean.TRUE.equals(row.get("populated")) ? "\n  WITH DATA" : "\n  WITH NO DATA");
			}
			else if (text(row, "check_option") != null) {
				create.append("\n  WITH ").append(text(row, "check_option")).append(" CHECK OPTION");
			}
			List<String> statements = new ArrayList<>();
			statements.add(create.toString());
			comment(statements, (materialized ? "MATERIALIZED VIEW " : "VIEW ") + name, text(row, "comment"));
			if (row.get("column_comments") != null) {
				statements.addAll(strings(row.get("column_comments")));
			}
			add("class:" + row.get("oid"), ObjectType.VIEW, name, Phase.OBJECTS, statements);
		}
	}

	private void triggers() {
		for (Map<String, Object> row : rows(DdlQueries.TRIGGERS)) {
			String table = text(row, "table_name");
			String name = text(row, "name");
			List<String> statements = new ArrayList<>();
			statements.add(text(row, "definition"));
			String state = switch (text(row, "enabled")) {
				case "D" -> "DISABLE TRIGGER ";
				case "R" -> "ENABLE REPLICA TRIGGER ";
				case "A" -> "ENABLE ALWAYS TRIGGER ";
				default -> null;
			};
			if (state != null) {
				statements.add("ALTER TABLE " + table + " " + state + name);
			}
			comment(statements, "TRIGGER " + name + " ON " + table, text(row, "comment"));
			add(null, ObjectType.TRIGGER, table + "." + name, table, Phase.TRIGGERS, statements);
		}
	}

	private void rules() {
		for (Map<String, Object> row : rows(DdlQueries.RULES)) {
			add(null, ObjectType.TABLE, text(row, "table_name"), null, Phase.RULES,
					List.of(stripSemicolon(text(row, "definition"))));
		}
	}

	private void policies() {
		for (Map<String, Object> row : rows(DdlQueries.POLICIES)) {
			String table = text(row, "table_name");
			String name = text(row, "name");
			List<String> statements = new ArrayList<>();
			statements.add("CREATE POLICY " + name + " ON " + table
					+ (Boolean.TRUE.equals(row.get("permissive")) ? "" : " AS RESTRICTIVE") + " FOR "
					+ text(row, "command") + prefixed(" TO ", text(row, "roles"))
					+ prefixed(" USING (", text(row, "using"), ")")
					+ prefixed(" WITH CHECK (", text(row, "with_check"), ")"));
			comment(statements, "POLICY " + name + " ON " + table, text(row, "comment"));
			add(null, ObjectType.POLICY, table + "." + name, table, Phase.POLICIES, statements);
		}
	}

	private void statistics() {
		for (Map<String, Object> row : rows(DdlQueries.STATISTICS)) {
			String name = text(row, "name");
			List<String> statements = new ArrayList<>();
			statements.add(text(row, "definition"));
			comment(statements, "STATISTICS " + name, text(row, "comment"));
			add(null, ObjectType.STATISTICS, name, Phase.STATISTICS, statements);
		}
	}

	private void add(String id, ObjectType type, String name, Phase phase, List<String> statements) {
		add(id, type, name, null, phase, statements);
	}

	private void add(String id, ObjectType type, String name, String owner, Phase phase, List<String> statements) {
		if (!statements.isEmpty()) {
			this.items.add(new DdlItem(id, type, name, owner, phase, statements));
		}
	}

	private List<Map<String, Object>> rows(String sql) {
		return this.jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.setArray(1, connection.createArrayOf("text", this.excluded));
			return statement;
		}, new ColumnMapRowMapper());
	}

}
