package dev.migsh.core.rehearse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import dev.migsh.core.postgres.PostgresErrors;

/**
 * The live tables' sizes, read once: what a duration on the copy is scaled by. Pages come
 * from the file size (exact), rows from the planner's estimate.
 */
final class LiveSizes {

	/** One live table: its pages and estimated rows (-1 when never analyzed). */
	record Size(long pages, long rows) {
	}

	private static final String SIZES = """
			SELECT n.nspname || '.' || c.relname, pg_catalog.pg_relation_size(c.oid), c.reltuples::bigint,
			       current_setting('block_size')::bigint
			  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			 WHERE c.relkind IN ('r', 'm') AND n.nspname <> ALL (?)
			   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'""";

	private final Map<String, Size> sizes;

	private final long blockSize;

	private LiveSizes(Map<String, Size> sizes, long blockSize) {
		this.sizes = sizes;
		this.blockSize = blockSize;
	}

	static LiveSizes read(DataSource live, Set<String> excludedSchemas) {
		Map<String, Size> sizes = new HashMap<>();
		long blockSize = 8192;
		try (Connection connection = live.getConnection(); PreparedStatement ps = connection.prepareStatement(SIZES)) {
			ps.setArray(1, connection.createArrayOf("text", excludedSchemas.toArray(String[]::new)));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					blockSize = rs.getLong(4);
					sizes.put(rs.getString(1), new Size(rs.getLong(2) / blockSize, rs.getLong(3)));
				}
			}
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the live table sizes", ex, "Check the connection.");
		}
		return new LiveSizes(sizes, blockSize);
	}

	Optional<Size> of(String table) {
		return Optional.ofNullable(this.sizes.get(table));
	}

	long pages(long bytes) {
		return bytes / this.blockSize;
	}

}
