package dev.migsh.core.schema;

/**
 * One line of {@code tables}: a relation with its planner row estimate and total size.
 *
 * @param schema its schema
 * @param name its name, unquoted
 * @param kind table, partitioned table, view, materialized view or foreign table
 * @param rowEstimate pg_class.reltuples (summed over partitions), -1 when never analyzed
 * or not applicable
 * @param sizeBytes pg_total_relation_size, summed over the partitions of a partitioned
 * table
 */
public record TableSummary(String schema, String name, RelationKind kind, long rowEstimate, long sizeBytes) {
}
