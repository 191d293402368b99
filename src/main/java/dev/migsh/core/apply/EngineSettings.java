package dev.migsh.core.apply;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import dev.migsh.core.adopt.ForeignTool;
import dev.migsh.core.history.HistoryTable;

/**
 * What every changing command needs: where to connect, the history table, who the
 * operator is (OS user@host), the default lock wait and per-migration timeouts, and the
 * other tool whose history table is kept in step ({@code --keep-history}), if any.
 */
public record EngineSettings(DataSource dataSource, HistoryTable history, String operator, Duration lockWait,
		Duration lockTimeout, Duration statementTimeout, Optional<ForeignTool> keepHistory) {

	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

	public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(10);

	public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

	public EngineSettings {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(history, "history");
		Objects.requireNonNull(operator, "operator");
		Objects.requireNonNull(keepHistory, "keepHistory");
	}

}
