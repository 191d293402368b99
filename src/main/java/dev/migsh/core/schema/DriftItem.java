package dev.migsh.core.schema;

import java.util.List;

import dev.migsh.core.schema.SchemaDifference.PropertyChange;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * One object where the live database and the applied migrations disagree, with its DDL on
 * each side that has it.
 *
 * @param type the object's type
 * @param name the object's qualified name
 * @param kind where the object is
 * @param changes for {@link Kind#CHANGED}, each property that differs: {@code a} in the
 * database, {@code b} in the migrations
 * @param databaseDdl the statements that create it as the database has it; empty if it
 * has not
 * @param migrationsDdl the statements that create it as the migrations build it; empty if
 * they do not
 */
public record DriftItem(ObjectType type, String name, Kind kind, List<PropertyChange> changes, List<String> databaseDdl,
		List<String> migrationsDdl) {

	public DriftItem {
		changes = List.copyOf(changes);
		databaseDdl = List.copyOf(databaseDdl);
		migrationsDdl = List.copyOf(migrationsDdl);
	}

	/** Where an object that drifted is. */
	public enum Kind {

		/** Made or kept by hand: in the database, not in the migrations. */
		ONLY_IN_DATABASE("in the database, not in the migrations"),
		/** Built by the migrations, then dropped by hand (or never applied here). */
		ONLY_IN_MIGRATIONS("in the migrations, not in the database"),
		/** In both, with different properties. */
		CHANGED("changed by hand");

		private final String words;

		Kind(String words) {
			this.words = words;
		}

		public String words() {
			return this.words;
		}

	}

	/**
	 * One line: {@code column public.users.bio: in the database, not in the migrations}.
	 */
	public String describe() {
		return difference().describe("the database", "the migrations");
	}

	/**
	 * For a function, view or other long definition changed by hand: the unified diff
	 * from the database's definition to the migrations', so the one changed line is seen;
	 * empty when {@link #describe()} says it all.
	 */
	public List<String> diff() {
		return difference().diff("the database", "the migrations");
	}

	private SchemaDifference difference() {
		return new SchemaDifference(this.type, this.name, switch (this.kind) {
			case ONLY_IN_DATABASE -> SchemaDifference.Kind.ONLY_IN_A;
			case ONLY_IN_MIGRATIONS -> SchemaDifference.Kind.ONLY_IN_B;
			case CHANGED -> SchemaDifference.Kind.CHANGED;
		}, this.changes);
	}

}
