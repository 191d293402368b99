package dev.migsh.core.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.migsh.core.MigshException;

/**
 * Reads one service section of a libpq {@code pg_service.conf}.
 * <p>
 * This is not pgjdbc's {@code PgServiceConfParser}, although that parser can be pointed
 * at a file through a system property: it accepts only pgjdbc's own keys, so a file
 * written for psql with {@code connect_timeout} or {@code application_name} makes it drop
 * the whole service, and it logs a malformed line verbatim, which may hold a password.
 * The rules here follow libpq: keys are case-sensitive libpq keywords, the first value of
 * a key wins, and the first section of a name is the one read.
 */
final class PgServiceFile {

	private static final Set<String> LIBPQ_KEYWORDS = Set.of("host", "hostaddr", "port", "dbname", "user", "password",
			"passfile", "channel_binding", "connect_timeout", "client_encoding", "options", "application_name",
			"fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
			"tcp_user_timeout", "sslmode", "sslnegotiation", "sslcompression", "sslcert", "sslkey", "sslpassword",
			"sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer", "require_auth",
			"ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode", "krbsrvname", "gsslib",
			"gssdelegation", "replication", "target_session_attrs", "load_balance_hosts");

	private PgServiceFile() {
	}

	/**
	 * The keys and values of service {@code name} in {@code file}, or empty when the file
	 * lacks it.
	 */
	static Optional<Map<String, String>> section(Path file, String name) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new MigshException("Cannot read the service file " + file + ": " + ex.getClass().getSimpleName(),
					"Check the file's permissions, or point PGSERVICEFILE at another file.", ex);
		}
		Map<String, String> values = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("[") && line.endsWith("]")) {
				if (values != null) {
					break;
				}
				if (line.substring(1, line.length() - 1).equals(name)) {
					values = new LinkedHashMap<>();
				}
				continue;
			}
			if (values == null) {
				continue;
			}
			int eq = line.indexOf('=');
			if (eq <= 0) {
				throw malformed(file, i + 1, "it is not key=value");
			}
			String key = line.substring(0, eq);
			if (key.equals("service")) {
				throw malformed(file, i + 1, "a service cannot name another service");
			}
			if (!LIBPQ_KEYWORDS.contains(key)) {
				// the line is not repeated: a mistyped line may be a password
				throw malformed(file, i + 1, "the name before '=' is not a libpq connection keyword");
			}
			String value = line.substring(eq + 1);
			if (!value.isEmpty()) {
				values.putIfAbsent(key, value);
			}
		}
		return Optional.ofNullable(values);
	}

	private static MigshException malformed(Path file, int number, String problem) {
		return new MigshException("Service file " + file + ":" + number + " cannot be read: " + problem,
				"Write each line of a service as keyword=value (host, port, dbname, user, sslmode, ...).");
	}

}
