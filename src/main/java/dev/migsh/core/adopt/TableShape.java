package dev.migsh.core.adopt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsh.core.postgres.Identifiers;

/**
 * A table's schema, name and columns as the catalog reports them, and which tool's
 * history it looks like. Columns are compared case-insensitively but kept as spelled, so
 * a table created with quoted upper-case names is still read correctly.
 */
record TableShape(String schema, String table, Map<String, String> columns, Map<String, String> types) {

	private static final Set<String> FLYWAY = Set.of("installed_rank", "version", "description", "type", "script",
			"checksum", "installed_by", "installed_on", "execution_time", "success");

	private static final Set<String> LIQUIBASE = Set.of("id", "author", "filename", "dateexecuted", "orderexecuted",
			"exectype", "md5sum");

	private static final Set<String> PRISMA = Set.of("id", "checksum", "finished_at", "migration_name",
			"rolled_back_at", "started_at", "applied_steps_count");

	private static final Set<String> KNEX = Set.of("id", "name", "batch", "migration_time");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)\\}");

	TableShape {
		columns = Map.copyOf(columns);
		types = Map.copyOf(types);
	}

	/** A shape from the catalog's column names and types, in table order. */
	static TableShape of(String schema, String table, List<String> columnNames, List<String> typeNames) {
		Map<String, String> columns = new LinkedHashMap<>();
		Map<String, String> types = new LinkedHashMap<>();
		for (int i = 0; i < columnNames.size(); i++) {
			String key = columnNames.get(i).toLowerCase(Locale.ROOT);
			columns.put(key, columnNames.get(i));
			types.put(key, typeNames.get(i));
		}
		return new TableShape(schema, table, columns, types);
	}

	/**
	 * The tool whose history table has these columns; {@code railsMetadataBeside} tells
	 * Rails' {@code schema_migrations} from dbmate's, which have the same single column.
	 */
	Optional<ForeignTool> tool(boolean railsMetadataBeside) {
		Set<String> names = this.columns.keySet();
		if (names.containsAll(FLYWAY)) {
			return Optional.of(ForeignTool.FLYWAY);
		}
		if (names.containsAll(LIQUIBASE)) {
			return Optional.of(ForeignTool.LIQUIBASE);
		}
		if (names.containsAll(PRISMA)) {
			return Optional.of(ForeignTool.PRISMA);
		}
		if (names.containsAll(KNEX)) {
			return Optional.of(ForeignTool.KNEX);
		}
		if (names.equals(Set.of("version", "dirty")) && "boolean".equals(this.types.get("dirty"))) {
			return Optional.of(ForeignTool.GOLANG_MIGRATE);
		}
		if (names.equals(Set.of("version_num"))) {
			return Optional.of(ForeignTool.ALEMBIC);
		}
		if (names.equals(Set.of("version")) && isText("version")) {
			return Optional.of(railsMetadataBeside ? ForeignTool.RAILS : ForeignTool.DBMATE);
		}
		if (names.equals(Set.of("name")) && isText("name")) {
			return Optional.of(ForeignTool.SEQUELIZE);
		}
		return Optional.empty();
	}

	boolean isNamed(String lowerCaseName) {
		return this.table.toLowerCase(Locale.ROOT).equals(lowerCaseName);
	}

	/**
	 * The SQL template with {@code {table}} replaced by the quoted schema-qualified table
	 * and each {@code {column}} by the quoted column as the table spells it.
	 */
	String render(String template) {
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder sql = new StringBuilder();
		while (m.find()) {
			String key = m.group(1);
			String replacement;
			if (key.equals("table")) {
				replacement = Identifiers.qualified(this.schema, this.table);
			}
			else {
				String column = this.columns.get(key);
				if (column == null) {
					throw new IllegalStateException("no column " + key + " in " + this.table);
				}
				replacement = Identifiers.quote(column);
			}
			m.appendReplacement(sql, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(sql);
		return sql.toString();
	}

	private boolean isText(String column) {
		String type = this.types.get(column);
		return type != null && (type.equals("text") || type.startsWith("character"));
	}

}
