package dev.migsh.core.adopt;

import java.util.List;

import dev.migsh.core.postgres.Identifiers;

/**
 * Another tool's history table as found in the database: which tool, where, how many rows
 * it holds and those rows normalised into {@link ForeignEntry entries} in the order the
 * tool applied them. {@code rowCount} counts the table's rows, which may exceed the
 * entries (Flyway's undo and schema-creation rows are folded in, not listed).
 */
public record ForeignHistory(ForeignTool tool, String schema, String table, long rowCount, List<ForeignEntry> entries) {

	public ForeignHistory {
		entries = List.copyOf(entries);
	}

	/** schema.table, quoted where PostgreSQL needs it: {@code public."SequelizeMeta"}. */
	public String qualifiedName() {
		return Identifiers.qualified(this.schema, this.table);
	}

}
