package dev.migsh.core.apply;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;

import dev.migsh.core.postgres.PostgresErrors;

/**
 * A session advisory lock {@code (CLASS_ID, fnv1a(history table))} held on one dedicated
 * autocommit connection. It is polled with {@code pg_try_advisory_lock}, so a waiter
 * holds no transaction or snapshot (a running CREATE INDEX CONCURRENTLY cannot deadlock
 * on it), and it is released when closed or when the session ends.
 */
public final class MigrationLock implements AutoCloseable {

	/** "migs" in ASCII: the first key, shared by every migsh lock. */
	public static final int CLASS_ID = 0x6d696773;

	static final Duration POLL = Duration.ofMillis(200);

	private static final String TRY = "SELECT pg_try_advisory_lock(?, ?)";

	private static final String UNLOCK = "SELECT pg_advisory_unlock(?, ?)";

	private static final String HELD = """
			SELECT count(*) FROM pg_catalog.pg_locks
			WHERE locktype = 'advisory' AND pid = pg_catalog.pg_backend_pid() AND granted
				AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2""";

	private static final String HOLDER = """
			SELECT a.pid, a.usename, a.application_name, pg_catalog.host(a.client_addr) AS client, a.backend_start,
				a.xact_start, a.state
			FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ?
				AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_catalog.pg_database
					WHERE datname = pg_catalog.current_database())""";

	private final Connection connection;

	private final String name;

	private final int objectId;

	private boolean held;

	private long verifiedAt;

	private MigrationLock(Connection connection, String name) {
		this.connection = connection;
		this.name = name;
		this.objectId = objectId(name);
	}

	/**
	 * FNV-1a (32 bit) of the UTF-8 name, computed here because hashtext() may change
	 * between majors.
	 */
	public static int objectId(String name) {
		int hash = 0x811c9dc5;
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x01000193;
		}
		return hash;
	}

	/**
	 * Takes the lock for {@code name} (the qualified history table), polling until
	 * {@code wait} has passed; zero fails at once. The connection must be in autocommit
	 * mode.
	 */
	public static MigrationLock acquire(Connection connection, String name, Duration wait, LockWaitListener listener,
			Cancellation cancellation) throws SQLException {
		MigrationLock lock = new MigrationLock(connection, name);
		long start = System.nanoTime();
		cancellation.waiting(Thread.currentThread());
		try {
			while (true) {
				if (cancellation.isCancelled()) {
					throw new MigrationCancelledException(
							"Cancelled while waiting for the migration lock; nothing was changed", "");
				}
				if (lock.tryLock()) {
					return lock;
				}
				Optional<LockHolder> holder = holder(connection, name);
				Duration waited = Duration.ofNanos(System.nanoTime() - start);
				if (waited.compareTo(wait) >= 0) {
					throw new MigrationLockedException(name, holder, waited);
				}
				listener.waiting(holder.orElse(null), waited, wait);
				try {
					Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), wait.minus(waited).toMillis())));
				}
				catch (InterruptedException ex) {
					// cancel() interrupts the sleep; the loop head reports it
				}
			}
		}
		finally {
			cancellation.doneWaiting();
		}
	}

	/** Who holds the lock for {@code name}, if anybody does. */
	public static Optional<LockHolder> holder(Connection connection, String name) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(HOLDER)) {
			ps.setLong(1, Integer.toUnsignedLong(CLASS_ID));
			ps.setLong(2, Integer.toUnsignedLong(objectId(name)));
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					return Optional.empty();
				}
				return Optional
					.of(new LockHolder(rs.getInt("pid"), rs.getString("usename"), rs.getString("application_name"),
							Optional.ofNullable(rs.getString("client")), instant(rs.getTimestamp("backend_start")),
							instant(rs.getTimestamp("xact_start")), rs.getString("state")));
			}
		}
	}

	private boolean tryLock() throws SQLException {
		try (PreparedStatement ps = this.connection.prepareStatement(TRY)) {
			ps.setInt(1, CLASS_ID);
			ps.setInt(2, this.objectId);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				this.held = rs.getBoolean(1);
				this.verifiedAt = System.nanoTime();
				return this.held;
			}
		}
	}

	/**
	 * Throws {@link LockLostException} unless this session is alive and still holds the
	 * lock.
	 */
	public void verify() {
		try (PreparedStatement ps = this.connection.prepareStatement(HELD)) {
			ps.setLong(1, Integer.toUnsignedLong(CLASS_ID));
			ps.setLong(2, Integer.toUnsignedLong(this.objectId));
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				if (rs.getLong(1) == 0) {
					this.held = false;
					throw new LockLostException("pg_locks shows no lock for this session", null);
				}
				this.verifiedAt = System.nanoTime();
			}
		}
		catch (SQLException ex) {
			this.held = false;
			throw new LockLostException(
					PostgresErrors.isConnectionLost(ex) ? "the session ended" : PostgresErrors.describe(ex).summary(),
					ex);
		}
	}

	/**
	 * {@link #verify()} unless the lock was verified less than {@code period} ago.
	 * Between two checks a lost session still fails the next statement, and a history
	 * write refuses itself while another session holds the lock.
	 */
	public void verifyAtMostEvery(Duration period) {
		if (this.held && System.nanoTime() - this.verifiedAt < period.toNanos()) {
			return;
		}
		verify();
	}

	/** Notes that a history write found the lock held by another session. */
	LockLostException lost() {
		this.held = false;
		return new LockLostException("another session holds it now", null);
	}

	public String name() {
		return this.name;
	}

	@Override
	public void close() {
		if (!this.held) {
			return;
		}
		this.held = false;
		try (PreparedStatement ps = this.connection.prepareStatement(UNLOCK)) {
			ps.setInt(1, CLASS_ID);
			ps.setInt(2, this.objectId);
			ps.execute();
		}
		catch (SQLException ex) {
			// a dead session has released the lock with it
		}
	}

	private static Optional<java.time.Instant> instant(Timestamp timestamp) {
		return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
	}

}
