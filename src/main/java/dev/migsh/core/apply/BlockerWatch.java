package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * While a migration statement runs longer than a threshold, polls
 * {@code pg_blocking_pids} from a second connection and keeps the latest blockers, so a
 * lock timeout can say who blocked it. Each poll is one autocommit statement: it holds no
 * snapshot.
 */
final class BlockerWatch implements AutoCloseable {

	private static final String BLOCKERS = """
			SELECT a.pid, a.usename, a.application_name, a.state, a.query,
				EXTRACT(EPOCH FROM (pg_catalog.clock_timestamp() - a.xact_start))::bigint AS xact_seconds
			FROM pg_catalog.pg_stat_activity a WHERE a.pid = ANY (pg_catalog.pg_blocking_pids(?))""";

	private static final long PERIOD_MS = 250;

	private final DataSource dataSource;

	private final int pid;

	private final long thresholdNanos;

	private ScheduledExecutorService timer;

	private Connection connection;

	private volatile long statementStart;

	private volatile List<Blocker> latest = List.of();

	BlockerWatch(DataSource dataSource, int pid, Duration threshold) {
		this.dataSource = dataSource;
		this.pid = pid;
		this.thresholdNanos = threshold.toNanos();
	}

	synchronized void statementStarted() {
		this.latest = List.of();
		this.statementStart = System.nanoTime();
		if (this.timer == null) {
			this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "migsh-blocker-watch");
				t.setDaemon(true);
				return t;
			});
			this.timer.scheduleWithFixedDelay(this::poll, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
		}
	}

	void statementEnded() {
		this.statementStart = 0;
	}

	/** The blockers seen last while the current (or last) statement ran. */
	List<Blocker> latest() {
		return this.latest;
	}

	private void poll() {
		long start = this.statementStart;
		if (start == 0 || System.nanoTime() - start < this.thresholdNanos) {
			return;
		}
		try {
			if (this.connection == null || this.connection.isClosed()) {
				this.connection = this.dataSource.getConnection();
				this.connection.setAutoCommit(true);
			}
			List<Blocker> found = new ArrayList<>();
			try (PreparedStatement ps = this.connection.prepareStatement(BLOCKERS)) {
				ps.setInt(1, this.pid);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						long seconds = rs.getLong("xact_seconds");
						found.add(new Blocker(rs.getInt("pid"), rs.getString("usename"),
								rs.getString("application_name"), rs.getString("state"), rs.getString("query"),
								rs.wasNull() ? null : Duration.ofSeconds(seconds)));
					}
				}
			}
			if (!found.isEmpty() && this.statementStart == start) {
				this.latest = List.copyOf(found);
			}
		}
		catch (SQLException ex) {
			// diagnostics only: a failed poll must not disturb the migration
		}
	}

	@Override
	public synchronized void close() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			try {
				this.timer.awaitTermination(2, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// nothing to release beyond the socket
			}
		}
	}

}
