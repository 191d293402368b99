package dev.migsh.core.apply;

import java.time.Instant;
import java.util.Optional;

/**
 * Data an undo kept in {@code migsh_trash} before a down statement dropped it: a whole
 * table, or one column's non-null values keyed by the table's primary key; with the SQL
 * that puts it back once the table or column exists again.
 */
public record TrashEntry(long id, String migrationId, Kind kind, String sourceSchema, String sourceTable,
		Optional<String> sourceColumn, String trashTable, long rows, Instant trashedAt, String restoreSql) {

	public enum Kind {

		TABLE, COLUMN;

		public String word() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** {@code public.users.bio} or {@code public.groups}. */
	public String source() {
		return this.sourceSchema + "." + this.sourceTable + this.sourceColumn.map(c -> "." + c).orElse("");
	}

}
