package dev.migsh.core.rehearse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.migsh.core.rehearse.CopyCatalog.HeldLock;

/**
 * Samples, from a session of its own, the locks another session holds while it runs a
 * statement outside a transaction: those locks end with the statement, so they cannot be
 * read afterwards. A sample can miss a lock held for less than its period.
 */
final class LockSampler implements AutoCloseable {

	private static final String LOCKS_OF = """
			SELECT l.relation::bigint, l.mode FROM pg_catalog.pg_locks l
			 WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted
			   AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())""";

	private static final long PERIOD_MS = 10;

	private final Set<HeldLock> seen = ConcurrentHashMap.newKeySet();

	private final CountDownLatch ready = new CountDownLatch(1);

	private final Thread thread;

	private volatile boolean stop;

	private LockSampler(DataSource copy, int pid) {
		this.thread = new Thread(() -> sample(copy, pid), "migsh-lock-sampler");
		this.thread.setDaemon(true);
	}

	/** Starts sampling {@code pid} and returns once the first sample was taken. */
	static LockSampler start(DataSource copy, int pid) {
		LockSampler sampler = new LockSampler(copy, pid);
		sampler.thread.start();
		try {
			sampler.ready.await(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return sampler;
	}

	private void sample(DataSource copy, int pid) {
		try (Connection connection = copy.getConnection();
				PreparedStatement ps = connection.prepareStatement(LOCKS_OF)) {
			ps.setInt(1, pid);
			while (!this.stop) {
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						this.seen.add(new HeldLock(rs.getLong(1), rs.getString(2)));
					}
				}
				this.ready.countDown();
				Thread.sleep(PERIOD_MS);
			}
		}
		catch (SQLException ex) {
			// no samples: the statement's locks are reported as not observed
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.ready.countDown();
		}
	}

	/** Stops sampling; every lock seen. */
	Set<HeldLock> seen() {
		close();
		return Set.copyOf(this.seen);
	}

	@Override
	public void close() {
		this.stop = true;
		try {
			this.thread.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
