package dev.migsh.core.schema;

/**
 * The foreign server and options of a foreign table.
 *
 * @param server the foreign server's name
 * @param options the FDW options as psql prints them
 * ({@code schema_name 'x', table_name 'y'}), empty when none
 */
public record ForeignTableInfo(String server, String options) {
}
