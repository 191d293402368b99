package dev.migsh.core.schema;

/**
 * An index on the described relation, with the constraint it backs if any.
 *
 * @param name the index name, unquoted
 * @param definition pg_get_indexdef's full {@code CREATE INDEX ...} text
 * @param primary whether it is the primary key's index
 * @param unique whether it is unique
 * @param valid false for an index left INVALID (e.g. by a failed CREATE INDEX
 * CONCURRENTLY)
 * @param clustered whether the table was CLUSTERed on it
 * @param replicaIdentity whether it is the table's REPLICA IDENTITY
 * @param constraintType the constraint it backs (primary key, unique, exclusion), or null
 * @param constraintDefinition that constraint's pg_get_constraintdef text, or null
 * @param deferrable whether that constraint is DEFERRABLE
 * @param initiallyDeferred whether that constraint is INITIALLY DEFERRED
 * @param tablespace the index's tablespace when not the database default, else null
 */
public record IndexInfo(String name, String definition, boolean primary, boolean unique, boolean valid,
		boolean clustered, boolean replicaIdentity, ConstraintType constraintType, String constraintDefinition,
		boolean deferrable, boolean initiallyDeferred, String tablespace) {

	/**
	 * The part of the definition after {@code USING}, e.g. {@code btree (lower(email))}.
	 */
	public String methodAndColumns() {
		int using = this.definition.indexOf(" USING ");
		return (using < 0) ? this.definition : this.definition.substring(using + 7);
	}

}
