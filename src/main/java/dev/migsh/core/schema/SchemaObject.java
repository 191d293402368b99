package dev.migsh.core.schema;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One object of a {@link SchemaSnapshot}: its type, a name unique among objects of that
 * type (quoted and qualified, e.g. {@code public."Order Items"."Line No"}), the table or
 * view it belongs to if any, and the facts that define it, compared one by one.
 *
 * @param type what kind of object
 * @param name the qualified, quoted name
 * @param parent for columns, constraints, indexes, triggers and policies, the owning
 * table or view's name; else null
 * @param properties the defining facts by name, e.g. {@code type}, {@code default},
 * {@code definition}
 */
public record SchemaObject(ObjectType type, String name, String parent, SortedMap<String, String> properties) {

	public SchemaObject {
		properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
	}

	public String property(String key) {
		return this.properties.get(key);
	}

	/** The kinds of object a snapshot holds, in the order a schema is built. */
	public enum ObjectType {

		SCHEMA, EXTENSION, COLLATION, TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_CONFIGURATION, FOREIGN_DATA_WRAPPER,
		FOREIGN_SERVER, USER_MAPPING, TYPE, SEQUENCE, TABLE, COLUMN, CONSTRAINT, INDEX, VIEW, FUNCTION, AGGREGATE,
		OPERATOR, CAST, TRIGGER, POLICY, STATISTICS, PUBLICATION, EVENT_TRIGGER, GRANT;

		/** The lower-case word for messages: "column", "index", "statistics object". */
		public String label() {
			return switch (this) {
				case STATISTICS -> "statistics object";
				case GRANT -> "owner and privileges of";
				default -> name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
			};
		}

	}

}
