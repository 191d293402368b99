package dev.migsh.core;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The user schema as text lines (columns, constraints, indexes), to compare two states.
 */
public final class SchemaSnapshot {

	private static final String COLUMNS = """
			SELECT c.relname || ' ' || c.relkind::text || ' ' || coalesce(a.attname, '') || ' '
				|| coalesce(format_type(a.atttypid, a.atttypmod), '') || ' ' || coalesce(a.attnotnull::text, '')
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			WHERE n.nspname = ? ORDER BY 1""";

	private static final String CONSTRAINTS = """
			SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
			WHERE connamespace = ?::regnamespace ORDER BY 1""";

	private static final String INDEXES = """
			SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
			WHERE c.relnamespace = ?::regnamespace ORDER BY 1""";

	private SchemaSnapshot() {
	}

	public static List<String> of(JdbcTemplate jdbc) {
		return of(jdbc, "public");
	}

	/** Columns, constraints and indexes of one schema; empty when it has none. */
	public static List<String> of(JdbcTemplate jdbc, String schema) {
		if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regnamespace(?) IS NOT NULL", Boolean.class, schema))) {
			return List.of();
		}
		List<String> lines = new java.util.ArrayList<>(jdbc.queryForList(COLUMNS, String.class, schema));
		lines.addAll(jdbc.queryForList(CONSTRAINTS, String.class, schema));
		lines.addAll(jdbc.queryForList(INDEXES, String.class, schema));
		return lines;
	}

}
