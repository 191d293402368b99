package dev.migsh.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.migsh.core.adopt.ForeignTool;
import dev.migsh.core.apply.EngineSettings;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.history.HistorySchemaName;

/**
 * How a {@link Migrator} works: the migrations folder, the schema holding the history,
 * the lock wait, the default lock_timeout and statement_timeout of each migration (zero
 * means none), the operator recorded in history and audit (OS user@host), and the
 * placeholder values for the migration SQL ({@code migsh:schema} is always the history
 * schema; the caller supplies {@code migsh:user} and {@code migsh:database}), and the
 * other tool whose history table every change keeps in step ({@code --keep-history}).
 */
public record MigratorConfig(Path migrations, String historySchema, Duration lockWait, Duration lockTimeout,
		Duration statementTimeout, String operator, Placeholders placeholders, Optional<ForeignTool> keepHistory) {

	public static final String DEFAULT_SCHEMA = "migsh";

	public MigratorConfig {
		HistorySchemaName.check(historySchema);
	}

	/**
	 * The documented defaults: schema migsh, lock wait 60 s, lock_timeout 5 s,
	 * statement_timeout 10 min.
	 */
	public static MigratorConfig defaults(Path migrations) {
		return new MigratorConfig(migrations, DEFAULT_SCHEMA, EngineSettings.DEFAULT_LOCK_WAIT,
				EngineSettings.DEFAULT_LOCK_TIMEOUT, EngineSettings.DEFAULT_STATEMENT_TIMEOUT, localOperator(),
				Placeholders.NONE, Optional.empty());
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
				this.operator, this.placeholders, this.keepHistory);
	}

	public MigratorConfig withLockWait(Duration wait) {
		return new MigratorConfig(this.migrations, this.historySchema, wait, this.lockTimeout, this.statementTimeout,
				this.operator, this.placeholders, this.keepHistory);
	}

	public MigratorConfig withTimeouts(Duration lockTimeout, Duration statementTimeout) {
		return new MigratorConfig(this.migrations, this.historySchema, this.lockWait, lockTimeout, statementTimeout,
				this.operator, this.placeholders, this.keepHistory);
	}

	public MigratorConfig withOperator(String operator) {
		return new MigratorConfig(this.migrations, this.historySchema, this.lockWait, this.lockTimeout,
				this.statementTimeout, operator, this.placeholders, this.keepHistory);
	}

	public MigratorConfig withPlaceholders(Placeholders placeholders) {
		return new MigratorConfig(this.migrations, this.historySchema, this.lockWait, this.lockTimeout,
				this.statementTimeout, this.operator, placeholders, this.keepHistory);
	}

	/** Every change writes {@code tool}'s history table too (empty: none). */
	public MigratorConfig withKeepHistory(Optional<ForeignTool> tool) {
		return new MigratorConfig(this.migrations, this.historySchema, this.lockWait, this.lockTimeout,
				this.statementTimeout, this.operator, this.placeholders, tool);
	}

	/** The placeholders to read the folder with, {@code migsh:schema} included. */
	public Placeholders effectivePlaceholders() {
		return this.placeholders.withValue(Placeholders.SCHEMA, this.historySchema);
	}

}
