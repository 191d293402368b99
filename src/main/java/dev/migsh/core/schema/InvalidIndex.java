package dev.migsh.core.schema;

import dev.migsh.core.postgres.Identifiers;

/**
 * An index PostgreSQL marks INVALID ({@code pg_index.indisvalid} false): what a failed or
 * cancelled {@code CREATE INDEX CONCURRENTLY} leaves behind. It is maintained on every
 * write but never used by queries, and a later {@code CREATE INDEX ... IF NOT EXISTS} of
 * the same name keeps it.
 */
public record InvalidIndex(String schema, String name, String table, String definition) {

	/** {@code app.orders_email_idx}, quoted where needed. */
	public String qualifiedName() {
		return Identifiers.qualified(this.schema, this.name);
	}

	/** The statement that removes it without blocking writes; it runs as printed. */
	public String dropStatement() {
		return "DROP INDEX CONCURRENTLY IF EXISTS " + qualifiedName() + ";";
	}

	/**
	 * The statement that builds it again without blocking writes (its definition with
	 * CONCURRENTLY); it runs as printed once the INVALID one is dropped.
	 */
	public String recreateStatement() {
		return this.definition.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ") + ";";
	}

	/** {@code index app.orders_email_idx on orders is INVALID}. */
	public String describe() {
		return "index " + qualifiedName() + " on " + Identifiers.quote(this.table) + " is INVALID";
	}

}
