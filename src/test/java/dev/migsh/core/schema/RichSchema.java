package dev.migsh.core.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migsh.testing.TestDatabase;

/**
 * Loads rich-schema.sql (every column, index, constraint and relation kind describe must
 * show) into a test database, plus an INVALID index left behind by a failed concurrent
 * build.
 */
final class RichSchema {

	private RichSchema() {
	}

	/**
	 * baseline-extras.sql: cross-kind dependencies and the properties a baseline must
	 * carry.
	 */
	static void loadExtras(TestDatabase db) {
		dev.migsh.testing.TestPostgres.assumeAtLeast(14, "SQL-standard function bodies in baseline-extras.sql");
		loadResource(db, "baseline-extras.sql");
	}

	/** Runs a .sql resource next to this class, statement by statement. */
	static void loadResource(TestDatabase db, String resource) {
		try (InputStream in = RichSchema.class.getResourceAsStream(resource);
				Connection connection = db.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			// pgjdbc's own splitting does not know BEGIN ATOMIC bodies
			String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (var each : dev.migsh.core.catalog.SqlSplitter.split(sql, java.nio.file.Path.of(resource), 1)) {
				statement.execute(each.sql());
			}
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("could not load " + resource + ": " + ex.getMessage(), ex);
		}
	}

	static void load(TestDatabase db) {
		try (InputStream in = RichSchema.class.getResourceAsStream("rich-schema.sql");
				Connection connection = db.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			// before the failed index: ANALYZE resets relhasindex when no index is ready,
			// and psql
			// then lists no indexes at all
			statement.execute("ANALYZE");
			try {
				// CONCURRENTLY cannot run in a transaction block: this runs alone, in
				// autocommit
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
