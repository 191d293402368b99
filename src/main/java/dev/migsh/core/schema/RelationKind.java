package dev.migsh.core.schema;

/**
 * The kinds of relation that {@code describe} and {@code tables} show, with PostgreSQL's
 * pg_class.relkind letter and the title psql gives each.
 */
public enum RelationKind {

	TABLE('r', "Table"), PARTITIONED_TABLE('p', "Partitioned table"), VIEW('v', "View"),
	MATERIALIZED_VIEW('m', "Materialized view"), FOREIGN_TABLE('f', "Foreign table");

	private final char relkind;

	private final String title;

	RelationKind(char relkind, String title) {
		this.relkind = relkind;
		this.title = title;
	}

	/**
	 * The kind for a pg_class.relkind letter, or null for kinds we do not describe
	 * (index, sequence...).
	 */
	public static RelationKind ofRelkind(String relkind) {
		if (relkind == null || relkind.length() != 1) {
			return null;
		}
		for (RelationKind kind : values()) {
			if (kind.relkind == relkind.charAt(0)) {
				return kind;
			}
		}
		return null;
	}

	public char relkind() {
		return this.relkind;
	}

	/** psql's word for it, as in {@code Table "public.users"}. */
	public String title() {
		return this.title;
	}

	public boolean isView() {
		return this == VIEW || this == MATERIALIZED_VIEW;
	}

}
