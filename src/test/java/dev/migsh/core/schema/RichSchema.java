package dev.migsh.core.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migsh.testing.TestDatabase;

/**
 * Loads rich-schema.sql (every column, index, constraint and relation kind describe must show)
 * into a test database, plus an INVALID index left behind by a failed concurrent build.
 */
final class RichSchema {

	private RichSchema() {
	}

	static void load(TestDatabase db) {
		try (InputStream in = RichSchema.class.getResourceAsStream("rich-schema.sql");
				Connection connection = db.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			// before the failed index: ANALYZE resets relhasindex when no index is ready, and psql
			// then lists no indexes at all
			statement.execute("ANALYZE");
			try {
				// CONCURRENTLY cannot run in a transaction block: this runs alone, in autocommit
				statement.execute("CREATE UNIQUE INDEX CONCURRENTLY dupes_n_idx ON dupes (n)");
				throw new IllegalStateException("the unique index on duplicates should have failed");
			}
			catch (SQLException expected) {
				// leaves dupes_n_idx behind, INVALID
			}
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("could not load rich-schema.sql: " + ex.getMessage(), ex);
		}
	}

}
