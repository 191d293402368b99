package dev.migsh.core.schema;

/**
 * A foreign key elsewhere that points at the described table.
 *
 * @param table the referencing table as regclass prints it (qualified only when not on
 * the search_path, quoted when needed)
 * @param constraintName the foreign key's name, unquoted
 * @param definition pg_get_constraintdef's text
 */
public record ReferencedBy(String table, String constraintName, String definition) {
}
