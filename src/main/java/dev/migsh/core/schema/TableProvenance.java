package dev.migsh.core.schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which migrations created or changed a table and each of its columns, oldest first, read
 * from the SQL each applied migration ran (and the files of pending ones).
 *
 * @param migrations each migration that touched the table, with what it did
 * @param columns for each column of the table, in order, the migrations that created or
 * changed it; empty for a column no migration mentions (made by hand)
 */
public record TableProvenance(List<Touch> migrations, Map<String, List<ColumnTouch>> columns) {

	public TableProvenance {
		migrations = List.copyOf(migrations);
		columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
	}

	/**
	 * One migration's part in the table's history.
	 *
	 * @param migrationId the migration
	 * @param state applied, marked, baseline or pending
	 * @param appliedAt when it was recorded; empty for a pending one
	 * @param actions what it did, e.g. {@code created the table},
	 * {@code added column bio}
	 */
	public record Touch(String migrationId, String state, Optional<Instant> appliedAt, List<String> actions) {

		public Touch {
			actions = List.copyOf(actions);
		}

	}

	/**
	 * A migration that created or changed one column.
	 *
	 * @param migrationId the migration
	 * @param verb created, added, changed or renamed
	 */
	public record ColumnTouch(String migrationId, String verb) {
	}

	/**
	 * A migration's SQL to read.
	 *
	 * @param id the migration's id
	 * @param state applied, marked, baseline or pending
	 * @param appliedAt when it was recorded, if it was
	 * @param sql its up section: as it ran, or the file's for a pending one
	 */
	public record Source(String id, String state, Optional<Instant> appliedAt, String sql) {
	}

}
