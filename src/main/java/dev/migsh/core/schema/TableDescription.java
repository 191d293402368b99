package dev.migsh.core.schema;

import java.util.List;
import java.util.Optional;

/**
 * Everything psql's {@code \d} shows about one table, view or materialized view, plus its
 * size and row estimate. Names of other relations are as regclass prints them: qualified
 * only when their schema is not on the search_path.
 *
 * @param schema the relation's schema
 * @param name the relation's name, unquoted
 * @param kind table, partitioned table, view, materialized view or foreign table
 * @param unlogged whether it is UNLOGGED
 * @param ofType for a typed table ({@code CREATE TABLE t OF type}), the type; else null
 * @param columns the columns in order
 * @param indexes every index, primary key first, then by name (as psql lists them)
 * @param checks the CHECK constraints by name
 * @param foreignKeys the foreign keys: own ones first, then those a partition inherits
 * @param uniqueAndPrimary the PRIMARY KEY and UNIQUE constraints by name
 * @param exclusions the EXCLUDE constraints by name
 * @param referencedBy the foreign keys of other tables that point here
 * @param triggers the user-visible triggers by name
 * @param policies the row-level security policies by name
 * @param rowSecurity whether row-level security is enabled
 * @param forceRowSecurity whether it is forced for the owner too
 * @param statistics the extended statistics objects
 * @param publications the publications that include the table
 * @param partitioning partition key and partitions, or parent and bound;
 * {@link PartitionInfo#NONE}
 * @param inherits the (non-partition) parents it INHERITS from, in order
 * @param inheritedBy the tables that inherit from it (partitions are in
 * {@code partitioning})
 * @param viewDefinition the query of a view or materialized view, else null
 * @param foreignTable the server and options of a foreign table, else null
 * @param comment the relation's comment, or null
 * @param sizeBytes pg_total_relation_size, summed over the partitions of a partitioned
 * table
 * @param rowEstimate the planner's estimate (pg_class.reltuples), -1 when never analyzed
 * or not applicable
 */
public record TableDescription(String schema, String name, RelationKind kind, boolean unlogged, String ofType,
		List<ColumnInfo> columns, List<IndexInfo> indexes, List<ConstraintInfo> checks,
		List<ConstraintInfo> foreignKeys, List<ConstraintInfo> uniqueAndPrimary, List<ConstraintInfo> exclusions,
		List<ReferencedBy> referencedBy, List<TriggerInfo> triggers, List<PolicyInfo> policies, boolean rowSecurity,
		boolean forceRowSecurity, List<StatisticsInfo> statistics, List<String> publications,
		PartitionInfo partitioning, List<String> inherits, List<String> inheritedBy, String viewDefinition,
		ForeignTableInfo foreignTable, String comment, long sizeBytes, long rowEstimate) {

	public TableDescription {
		columns = List.copyOf(columns);
		indexes = List.copyOf(indexes);
		checks = List.copyOf(checks);
		foreignKeys = List.copyOf(foreignKeys);
		uniqueAndPrimary = List.copyOf(uniqueAndPrimary);
		exclusions = List.copyOf(exclusions);
		referencedBy = List.copyOf(referencedBy);
		triggers = List.copyOf(triggers);
		policies = List.copyOf(policies);
		statistics = List.copyOf(statistics);
		publications = List.copyOf(publications);
		inherits = List.copyOf(inherits);
		inheritedBy = List.copyOf(inheritedBy);
	}

	public Optional<ColumnInfo> column(String columnName) {
		return this.columns.stream().filter((c) -> c.name().equals(columnName)).findFirst();
	}

	public Optional<IndexInfo> index(String indexName) {
		return this.indexes.stream().filter((i) -> i.name().equals(indexName)).findFirst();
	}

	/** Any constraint of the table by name, whatever its kind. */
	public Optional<ConstraintInfo> constraint(String constraintName) {
		return java.util.stream.Stream.of(this.checks, this.foreignKeys, this.uniqueAndPrimary, this.exclusions)
			.flatMap(List::stream)
			.filter((c) -> c.name().equals(constraintName))
			.findFirst();
	}

}
