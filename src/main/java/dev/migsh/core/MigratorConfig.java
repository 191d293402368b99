package dev.migsh.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

import dev.migsh.core.apply.EngineSettings;

/**
 * How a {@link Migrator} works: the migrations folder, the schema holding the history,
 * the lock wait, the default lock_timeout and statement_timeout of each migration (zero
 * means none), and the operator recorded in history and audit (OS user@host).
 */
public record MigratorConfig(Path migrations, String historySchema, Duration lockWait, Duration lockTimeout,
		Duration statementTimeout, String operator) {

	public static final String DEFAULT_SCHEMA = "migsh";

	/**
	 * The documented defaults: schema migsh, lock wait 60 s, lock_timeout 5 s,
	 * statement_timeout 10 min.
	 */
	public static MigratorConfig defaults(Path migrations) {
		return new MigratorConfig(migrations, DEFAULT_SCHEMA, EngineSettings.DEFAULT_LOCK_WAIT,
				EngineSettings.DEFAULT_LOCK_TIMEOUT, EngineSettings.DEFAULT_STATEMENT_TIMEOUT, localOperator());
	}

	/** {@code user@host} of this process. */
	public static String localOperator() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
		}
		return System.getProperty("user.name", "unknown") + "@" + host;
	}

	public MigratorConfig withHistorySchema(String schema) {
		return new MigratorConfig(this.migrations, schema, this.lockWait, this.lockTimeout, this.statementTimeout,
				this.operator);
	}

	public MigratorConfig withLockWait(Duration wait) {
		return new MigratorConfig(this.migrations, this.historySchema, wait, this.lockTimeout, this.statementTimeout,
				this.operator);
	}

	public MigratorConfig withTimeouts(Duration lockTimeout, Duration statementTimeout) {
		return new MigratorConfig(this.migrations, this.historySchema, this.lockWait, lockTimeout, statementTimeout,
				this.operator);
	}

	public MigratorConfig withOperator(String operator) {
		return new MigratorConfig(this.migrations, this.historySchema, this.lockWait, this.lockTimeout,
				this.statementTimeout, operator);
	}

}
