package dev.migsh.core.schema;

import java.util.List;
import java.util.stream.Collectors;

import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * One way two snapshots differ: an object only one of them has, or an object both have
 * with different properties.
 *
 * @param type the object's type
 * @param name the object's qualified name
 * @param kind which of the three situations
 * @param changes for {@link Kind#CHANGED}, each property that differs; else empty
 */
public record SchemaDifference(ObjectType type, String name, Kind kind, List<PropertyChange> changes) {

	public SchemaDifference {
		changes = List.copyOf(changes);
	}

	/** Where the object is. */
	public enum Kind {

		ONLY_IN_A, ONLY_IN_B, CHANGED

	}

	/**
	 * A property with its value in each snapshot; null when absent.
	 *
	 * @param property the property's name, e.g. {@code default}
	 * @param a the value in the first snapshot
	 * @param b the value in the second snapshot
	 */
	public record PropertyChange(String property, String a, String b) {
	}

	/**
	 * One line for a report, e.g.
	 * {@code changed: column public.users.email default: 'a' in a, 'b' in b}.
	 */
	public String describe() {
		return describe("a", "b");
	}

	/**
	 * The same line with the two snapshots named, e.g. "the database" and "the
	 * migrations":
	 * {@code column public.users.bio: in the database, not in the migrations}.
	 */
	public String describe(String aName, String bName) {
		String object = this.type.label() + " " + this.name;
		return switch (this.kind) {
			case ONLY_IN_A -> object + ": in " + aName + ", not in " + bName;
			case ONLY_IN_B -> object + ": in " + bName + ", not in " + aName;
			case CHANGED -> "changed: " + object + " "
					+ this.changes.stream()
						.map((c) -> c.property().replace('_', ' ') + ": "
								+ (DefinitionDiff.wanted(c.a(), c.b()) ? "differs (diff below)"
										: shown(c.a()) + " in " + aName + ", " + shown(c.b()) + " in " + bName))
						.collect(Collectors.joining("; "));
		};
	}

	/**
	 * For the long or multi-line properties that differ (a function body, a view's
	 * query), a unified diff of the two values, aligned line by line; empty when every
	 * difference fits in {@link #describe(String, String)}'s line.
	 */
	public List<String> diff(String aName, String bName) {
		return this.changes.stream()
			.filter((c) -> DefinitionDiff.wanted(c.a(), c.b()))
			.flatMap((c) -> DefinitionDiff
				.unified(c.a(), c.b(), aName + " (" + c.property().replace('_', ' ') + ")", bName)
				.stream())
			.toList();
	}

	private static String shown(String value) {
		return (value == null) ? "(none)" : value;
	}

}
