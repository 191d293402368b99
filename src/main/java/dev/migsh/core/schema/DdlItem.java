package dev.migsh.core.schema;

import java.util.List;

import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * The statements that create one object of a baseline, named as {@link SchemaSnapshot}
 * names it so a difference can be traced back to its DDL.
 *
 * @param id the catalog identity ({@code class:16384}, {@code type:...},
 * {@code proc:...}) that dependencies refer to, for objects ordered by dependency; else
 * null
 * @param type the snapshot type the statements define
 * @param name the snapshot name
 * @param owner the table or view the object belongs to (a column, key, index,
 * trigger...), else null
 * @param phase where in the script the statements go
 * @param statements each statement without its final semicolon
 */
record DdlItem(String id, ObjectType type, String name, String owner, Phase phase, List<String> statements) {

	DdlItem {
		statements = List.copyOf(statements);
	}

	/**
	 * The parts of a baseline in the order they run. Only {@link #OBJECTS} is ordered by
	 * the catalog's dependencies; the phases after it need every table to exist first.
	 */
	enum Phase {

		SCHEMAS("Schemas"), EXTENSIONS("Extensions"),
		OBJECTS("Types, functions, sequences, tables and views, in dependency order"),
		SEQUENCE_OWNERSHIP("Sequences owned by columns"), KEYS("Primary keys, unique and exclusion constraints"),
		INDEXES("Indexes"), INDEX_ATTACHMENTS("Indexes of partitions attached to their parents"),
		CHECKS("Constraints added NOT VALID"), FOREIGN_KEYS("Foreign keys"), TRIGGERS("Triggers"), RULES("Rules"),
		ROW_SECURITY("Row-level security"), POLICIES("Policies"), STATISTICS("Extended statistics"),
		PUBLICATIONS("Publications"), EVENT_TRIGGERS("Event triggers"), PRIVILEGES("Owners and privileges"),
		/** Not part of the script: a column's stand-alone DDL, shown by drift. */
		DETACHED("");

		private final String heading;

		Phase(String heading) {
			this.heading = heading;
		}

		String heading() {
			return this.heading;
		}

	}

}
