package dev.migsh.core.schema;

/**
 * An extended statistics object (CREATE STATISTICS) on the described table.
 *
 * @param schema its schema
 * @param name its name
 * @param definition pg_get_statisticsobjdef's full text
 */
public record StatisticsInfo(String schema, String name, String definition) {
}
