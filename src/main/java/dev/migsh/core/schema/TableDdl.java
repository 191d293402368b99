package dev.migsh.core.schema;

import static dev.migsh.core.schema.DdlText.comment;
import static dev.migsh.core.schema.DdlText.prefixed;
import static dev.migsh.core.schema.DdlText.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.migsh.core.schema.DdlItem.Phase;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * Builds the DDL of tables from catalog rows: CREATE TABLE with its own columns and valid
 * CHECK constraints (partitions as PARTITION OF, children with INHERITS), then the keys,
 * foreign keys and NOT VALID checks as separate ALTER TABLE statements for the later
 * phases, the way pg_dump splits them so that every table exists before anything refers
 * to it.
 */
final class TableDdl {

	private static final String INDENT = "    ";

	private final List<Map<String, Object>> tables;

	private final Map<Object, List<Map<String, Object>>> columns = new LinkedHashMap<>();

	private final Map<Object, List<Map<String, Object>>> constraints = new LinkedHashMap<>();

	TableDdl(List<Map<String, Object>> tables, List<Map<String, Object>> columns,
			List<Map<String, Object>> constraints) {
		this.tables = tables;
		columns.forEach((c) -> this.columns.computeIfAbsent(key(c.get("table_oid")), (k) -> new ArrayList<>()).add(c));
		constraints
			.forEach((c) -> this.constraints.computeIfAbsent(key(c.get("table_oid")), (k) -> new ArrayList<>()).add(c));
	}

	void build(List<DdlItem> items) {
		for (Map<String, Object> table : this.tables) {
			build(table, items);
		}
	}

	private void build(Map<String, Object> table, List<DdlItem> items) {
		String name = text(table, "name");
		List<Map<String, Object>> own = this.columns.getOrDefault(key(table.get("oid")), List.of());
		List<String> checks = new ArrayList<>();
		List<String> after = new ArrayList<>();
		for (Map<String, Object> constraint : this.constraints.getOrDefault(key(table.get("oid")), List.of())) {
			constraint(name, constraint, checks, after, items);
		}
		List<String> statements = new ArrayList<>();
		statements.add(create(table, own, checks));
		statements.addAll(inheritedColumnChanges(table, own));
		for (Map<String, Object> column : own) {
			String alter = "ALTER TABLE ONLY " + name + " ALTER COLUMN " + text(column, "name");
			if (column.get("storage") != null) {
				statements.add(alter + " SET STORAGE " + text(column, "storage"));
			}
			if (column.get("compression") != null) {
				statements.add(alter + " SET COMPRESSION " + text(column, "compression"));
			}
			if (column.get("statistics") != null) {
				statements.add(alter + " SET STATISTICS " + text(column, "statistics"));
			}
		}
		String replicaIdentity = text(table, "replica_identity");
		boolean foreign = "f".equals(text(table, "kind"));
		if (!foreign && ("f".equals(replicaIdentity) || "n".equals(replicaIdentity))) {
			statements.add("ALTER TABLE ONLY " + name + " REPLICA IDENTITY "
					+ ("f".equals(replicaIdentity) ? "FULL" : "NOTHING"));
		}
		comment(statements, (foreign ? "FOREIGN TABLE " : "TABLE ") + name, text(table, "comment"));
		for (Map<String, Object> column : own) {
			comment(statements, "COLUMN " + name + "." + text(column, "name"), text(column, "comment"));
			List<String> alone = new ArrayList<>();
			alone.add("ALTER TABLE " + name + " ADD COLUMN " + column(column));
			comment(alone, "COLUMN " + name + "." + text(column, "name"), text(column, "comment"));
			items.add(new DdlItem(null, ObjectType.COLUMN, name + "." + text(column, "name"), name, Phase.DETACHED,
					alone));
		}
		statements.addAll(after);
		items.add(new DdlItem("class:" + table.get("oid"), ObjectType.TABLE, name, null, Phase.OBJECTS, statements));
		List<String> security = new ArrayList<>();
		if (Boolean.TRUE.equals(table.get("row_security"))) {
			security.add("ALTER TABLE " + name + " ENABLE ROW LEVEL SECURITY");
		}
		if (Boolean.TRUE.equals(table.get("force_row_security"))) {
			security.add("ALTER TABLE " + name + " FORCE ROW LEVEL SECURITY");
		}
		if (!security.isEmpty()) {
			items.add(new DdlItem(null, ObjectType.TABLE, name, null, Phase.ROW_SECURITY, security));
		}
	}

	private static void constraint(String table, Map<String, Object> row, List<String> inline, List<String> after,
			List<DdlItem> items) {
		String name = text(row, "name");
		String key = table + "." + name;
		String definition = text(row, "definition");
		boolean partitioned = "p".equals(text(row, "table_kind"));
		String add = " ADD CONSTRAINT " + name + " " + definition;
		List<String> statements = new ArrayList<>();
		Phase phase;
		switch (text(row, "type")) {
			case "c" -> {
				// inherited checks come with PARTITION OF / INHERITS
				if (!Boolean.TRUE.equals(row.get("local"))) {
					return;
				}
				if (Boolean.TRUE.equals(row.get("validated"))) {
					inline.add("CONSTRAINT " + name + " " + definition);
					comment(after, "CONSTRAINT " + name + " ON " + table, text(row, "comment"));
					List<String> alone = new ArrayList<>(List.of("ALTER TABLE " + table + add));
					comment(alone, "CONSTRAINT " + name + " ON " + table, text(row, "comment"));
					items.add(new DdlItem(null, ObjectType.CONSTRAINT, key, table, Phase.DETACHED, alone));
					return;
				}
				phase = Phase.CHECKS;
				statements.add("ALTER TABLE " + table + add);
			}
			case "f" -> {
				// a partition's copy of its parent's foreign key is made by the parent's
				if (Boolean.TRUE.equals(row.get("cloned"))) {
					return;
				}
				phase = Phase.FOREIGN_KEYS;
				statements.add("ALTER TABLE " + (partitioned ? "" : "ONLY ") + table + add);
			}
			default -> {
				// a partition's own key is attached to its parent's index later
				phase = Phase.KEYS;
				statements.add("ALTER TABLE ONLY " + table + add);
			}
		}
		comment(statements, "CONSTRAINT " + name + " ON " + table, text(row, "comment"));
		items.add(new DdlItem(null, ObjectType.CONSTRAINT, key, table, phase, statements));
	}

	private static String create(Map<String, Object> table, List<Map<String, Object>> own, List<String> checks) {
		StringBuilder sql = new StringBuilder("CREATE ");
		if (Boolean.TRUE.equals(table.get("unlogged"))) {
			sql.append("UNLOGGED ");
		}
		if ("f".equals(text(table, "kind"))) {
			sql.append("FOREIGN ");
		}
		sql.append("TABLE ").append(text(table, "name"));
		List<String> elements = new ArrayList<>();
		if (Boolean.TRUE.equals(table.get("is_partition"))) {
			sql.append(" PARTITION OF ").append(text(table, "parents"));
			elements.addAll(checks);
			if (!elements.isEmpty()) {
				sql.append(" (\n").append(INDENT).append(String.join(",\n" + INDENT, elements)).append("\n)");
			}
			sql.append("\n").append(text(table, "partition_bound"));
		}
		else if (text(table, "of_type") != null) {
			sql.append(" OF ").append(text(table, "of_type"));
		}
		else {
			own.stream().filter((c) -> Boolean.TRUE.equals(c.get("local"))).forEach((c) -> elements.add(column(c)));
			elements.addAll(checks);
			sql.append(elements.isEmpty() ? " (\n)" : " (\n" + INDENT + String.join(",\n" + INDENT, elements) + "\n)");
			sql.append(prefixed(" INHERITS (", text(table, "parents"), ")"));
		}
		sql.append(prefixed("\nPARTITION BY ", text(table, "partition_key")));
		sql.append(prefixed("\nSERVER ", text(table, "server")));
		sql.append(prefixed(" OPTIONS (", text(table, "server_options"), ")"));
		sql.append(prefixed("\nWITH (", text(table, "options"), ")"));
		return sql.toString();
	}

	/**
	 * A column defined by a parent (or by the type of a typed table) takes the parent's
	 * default and NOT NULL; where this table's differ, they are set after the CREATE.
	 */
	private List<String> inheritedColumnChanges(Map<String, Object> table, List<Map<String, Object>> own) {
		boolean typed = text(table, "of_type") != null;
		if (text(table, "parent_oids") == null && !typed) {
			return List.of();
		}
		List<String> statements = new ArrayList<>();
		for (Map<String, Object> column : own) {
			if (Boolean.TRUE.equals(column.get("local")) && !typed) {
				continue;
			}
			Map<String, Object> parent = typed ? Map.of() : parentColumn(table, text(column, "name"));
			String alter = "ALTER TABLE ONLY " + text(table, "name") + " ALTER COLUMN " + text(column, "name");
			String def = text(column, "default");
			if (!Objects.equals(def, text(parent, "default"))) {
				statements.add(alter + ((def == null) ? " DROP DEFAULT" : " SET DEFAULT " + def));
			}
			if (Boolean.TRUE.equals(column.get("not_null")) && !Boolean.TRUE.equals(parent.get("not_null"))) {
				statements.add(alter + " SET NOT NULL");
			}
		}
		return statements;
	}

	private Map<String, Object> parentColumn(Map<String, Object> table, String column) {
		for (String parent : text(table, "parent_oids").split(",")) {
			for (Map<String, Object> c : this.columns.getOrDefault(parent, List.of())) {
				if (text(c, "name").equals(column)) {
					return c;
				}
			}
		}
		return Map.of();
	}

	/** One column as it is written in CREATE TABLE or ADD COLUMN. */
	static String column(Map<String, Object> c) {
		StringBuilder sql = new StringBuilder(text(c, "name")).append(' ').append(text(c, "type"));
		sql.append(prefixed(" OPTIONS (", text(c, "fdw_options"), ")"));
		sql.append(prefixed(" COLLATE ", text(c, "collation")));
		String generated = text(c, "generated");
		String identity = text(c, "identity");
		if (generated != null) {
			sql.append(" GENERATED ALWAYS AS (")
				.append(generated)
				.append("v".equals(text(c, "generation")) ? ") VIRTUAL" : ") STORED");
		}
		else if (identity != null && !identity.isEmpty()) {
			sql.append(" GENERATED ").append("a".equals(identity) ? "ALWAYS" : "BY DEFAULT").append(" AS IDENTITY");
			if (c.get("identity_sequence") != null) {
				sql.append(" (SEQUENCE NAME ")
					.append(text(c, "identity_sequence"))
					.append(' ')
					.append(sequenceOptions(c))
					.append(')');
			}
		}
		else {
			sql.append(prefixed(" DEFAULT ", text(c, "default")));
		}
		if (Boolean.TRUE.equals(c.get("not_null"))) {
			sql.append(" NOT NULL");
		}
		return sql.toString();
	}

	/** The options of a sequence, from pg_sequence's columns. */
	static String sequenceOptions(Map<String, Object> row) {
		return "START WITH " + row.get("seqstart") + " INCREMENT BY " + row.get("seqincrement") + " MINVALUE "
				+ row.get("seqmin") + " MAXVALUE " + row.get("seqmax") + " CACHE " + row.get("seqcache")
				+ (Boolean.TRUE.equals(row.get("seqcycle")) ? " CYCLE" : " NO CYCLE");
	}

	private static String key(Object oid) {
		return String.valueOf(oid);
	}

}
