package dev.migsh.core.schema;

import java.util.List;

/**
 * Where the described table sits in a partition tree: its partition key and partitions
 * when it is partitioned, its parent and bound when it is a partition. {@link #NONE} for
 * neither.
 *
 * @param key pg_get_partkeydef's text, e.g. {@code RANGE (created_at)}; null unless
 * partitioned
 * @param partitions the partitions, DEFAULT last, as psql orders them
 * @param parent the parent table (regclass text) when this is a partition, else null
 * @param bound this partition's bound, e.g.
 * {@code FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')}
 * @param detachPending whether a DETACH PARTITION CONCURRENTLY of this partition is
 * unfinished
 */
public record PartitionInfo(String key, List<Partition> partitions, String parent, String bound,
		boolean detachPending) {

	public static final PartitionInfo NONE = new PartitionInfo(null, List.of(), null, null, false);

	public PartitionInfo {
		partitions = List.copyOf(partitions);
	}

	public boolean isPartitioned() {
		return this.key != null;
	}

	public boolean isPartition() {
		return this.parent != null;
	}

	/**
	 * One partition of a partitioned table.
	 *
	 * @param name as regclass prints it
	 * @param bound its {@code FOR VALUES ...} or {@code DEFAULT} clause
	 * @param partitioned whether it is itself partitioned
	 * @param foreign whether it is a foreign table
	 * @param detachPending whether a concurrent detach of it is unfinished
	 */
	public record Partition(String name, String bound, boolean partitioned, boolean foreign, boolean detachPending) {
	}

}
