package dev.migsh.core.schema;

/**
 * One column as pg_attribute and pg_attrdef describe it.
 *
 * @param name the column name, unquoted
 * @param type the type as format_type prints it ({@code character varying(80)},
 * {@code text[]})
 * @param collation the collation when it differs from the type's default, else null
 * @param notNull whether the column is NOT NULL
 * @param defaultExpression the DEFAULT expression, null when none (and for generated
 * columns)
 * @param identity whether it is an identity column, and which kind
 * @param generation whether it is a generated column, and which kind
 * @param generatedExpression the generation expression of a generated column, else null
 * @param comment the column's comment, or null
 */
public record ColumnInfo(String name, String type, String collation, boolean notNull, String defaultExpression,
		Identity identity, Generation generation, String generatedExpression, String comment) {

	/** pg_attribute.attidentity. */
	public enum Identity {

		NONE, ALWAYS, BY_DEFAULT;

		static Identity of(String code) {
			if ("a".equals(code)) {
				return ALWAYS;
			}
			return "d".equals(code) ? BY_DEFAULT : NONE;
		}

	}

	/** pg_attribute.attgenerated: stored since PostgreSQL 12, virtual since 18. */
	public enum Generation {

		NONE, STORED, VIRTUAL;

		static Generation of(String code) {
			if ("s".equals(code)) {
				return STORED;
			}
			return "v".equals(code) ? VIRTUAL : NONE;
		}

	}

}
