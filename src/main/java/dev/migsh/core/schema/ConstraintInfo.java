package dev.migsh.core.schema;

/**
 * A constraint on the described table.
 *
 * @param name the constraint name, unquoted
 * @param type its kind
 * @param definition pg_get_constraintdef's text, e.g. {@code CHECK (price > 0) NOT VALID}
 * @param validated false for a NOT VALID constraint not yet validated
 * @param deferrable whether it is DEFERRABLE
 * @param initiallyDeferred whether it is INITIALLY DEFERRED
 * @param definedOn for a foreign key a partition inherits, the ancestor table (as
 * regclass prints it) where it was declared; null when declared on this table
 * @param comment the constraint's comment, or null
 */
public record ConstraintInfo(String name, ConstraintType type, String definition, boolean validated, boolean deferrable,
		boolean initiallyDeferred, String definedOn, String comment) {

	public boolean isInherited() {
		return this.definedOn != null;
	}

}
