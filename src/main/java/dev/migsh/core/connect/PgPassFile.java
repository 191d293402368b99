package dev.migsh.core.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.postgresql.jdbcurlresolver.PgPassParser;

import dev.migsh.core.MigshException;

/**
 * Looks a password up in a libpq password file through pgjdbc's own {@link PgPassParser}
 * ({@code host:port:database:username:password} lines, {@code *} wildcards, {@code \:}
 * escapes, the first matching line wins).
 */
final class PgPassFile {

	// PgPassParser reads its file from this system property before PGPASSFILE and the
	// real home,
	// so pointing it at the file resolved from the injected environment needs a JVM-wide
	// setting,
	// set and restored under this lock.
	private static final String FILE_PROPERTY = "org.postgresql.pgpassfile";

	private static final ReentrantLock LOCK = new ReentrantLock();

	private PgPassFile() {
	}

	static Optional<Secret> password(Path file, String host, int port, String database, String user) {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		// libpq matches a Unix-socket connection against the host name localhost
		String matchedHost = host.startsWith("/") ? "localhost" : host;
		LOCK.lock();
		String previous = System.getProperty(FILE_PROPERTY);
		try {
			System.setProperty(FILE_PROPERTY, file.toAbsolutePath().toUri().toString());
			return Optional.ofNullable(
					Secret.ofNullable(PgPassParser.getPassword(matchedHost, String.valueOf(port), database, user)));
		}
		catch (RuntimeException ex) {
			// PgPassParser fails on a line that ends right after a matching field
			throw new MigshException("Cannot read the password file " + file + ": a line is cut short",
					"Write each line as host:port:database:username:password.", ex);
		}
		finally {
			if (previous == null) {
				System.clearProperty(FILE_PROPERTY);
			}
			else {
				System.setProperty(FILE_PROPERTY, previous);
			}
			LOCK.unlock();
		}
	}

}
