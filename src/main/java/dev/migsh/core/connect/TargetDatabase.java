package dev.migsh.core.connect;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a change goes: the environment and where that came from, the database name a
 * production confirmation types back, the host, whether the connection stays on this
 * machine (so needs no SSL), and whether the operator overrode the SSL rule.
 *
 * @param environmentOrigin how the environment was chosen, e.g. {@code --env} or
 * {@code host db.internal (inferred)}
 * @param allowInsecure the operator passed {@code --allow-insecure}: production without
 * SSL over the network, audited
 */
public record TargetDatabase(Environment environment, String environmentOrigin, String database, String host,
		boolean allowInsecure) {

	public TargetDatabase {
		Objects.requireNonNull(environment, "environment");
		Objects.requireNonNull(environmentOrigin, "environmentOrigin");
		Objects.requireNonNull(database, "database");
		Objects.requireNonNull(host, "host");
	}

	/**
	 * A development database on this machine, for tests and tools that drive the core
	 * directly.
	 */
	public static TargetDatabase development(String database) {
		return new TargetDatabase(Environment.DEVELOPMENT, "development (given)", database, "localhost", false);
	}

	/**
	 * The connection stays on this machine: a loopback address or a Unix socket, where
	 * SSL protects nothing.
	 */
	public boolean local() {
		return isLocal(this.host);
	}

	public boolean production() {
		return this.environment == Environment.PRODUCTION;
	}

	public TargetDatabase withEnvironment(Environment environment, String origin) {
		return new TargetDatabase(environment, origin, this.database, this.host, this.allowInsecure);
	}

	public static boolean isLocal(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]")
				|| h.startsWith("/");
	}

}
