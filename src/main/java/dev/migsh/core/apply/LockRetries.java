package dev.migsh.core.apply;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.migsh.core.postgres.PostgresErrors;

/**
 * How often a statement that failed on {@code lock_timeout} (SQLSTATE 55P03) is tried
 * again, and how long to pause between attempts: exponential from {@code base}, capped,
 * with jitter (half to all of the step), so that several appliers waiting on the same
 * table do not line up again. {@code retries} 0 turns retrying off.
 */
public record LockRetries(int retries, Duration base, Duration cap) {

	public static final int DEFAULT_RETRIES = 3;

	public static final LockRetries NONE = new LockRetries(0);

	public LockRetries {
		if (retries < 0) {
			throw new IllegalArgumentException("retries must not be negative");
		}
	}

	/**
	 * {@code retries} retries pausing 250 ms, 500 ms, 1 s, ... up to 10 s (with jitter).
	 */
	public LockRetries(int retries) {
		this(retries, Duration.ofMillis(250), Duration.ofSeconds(10));
	}

	/** True when attempt {@code attempt} (1-based) failed and another may follow. */
	boolean another(int attempt) {
		return attempt <= this.retries;
	}

	/** The pause after failed attempt {@code attempt} (1-based). */
	public Duration pause(int attempt) {
		long step = this.base.toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(step, this.cap.toMillis());
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		return Duration.ofMillis(jittered);
	}

	/** True for a failure on lock_timeout, the one failure a retry may cure. */
	static boolean isLockTimeout(Throwable cause) {
		return cause instanceof SQLException sql && PostgresErrors.LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
	}

	/**
	 * Sleeps {@code pause} unless cancelled first.
	 * @return false when cancelled
	 */
	static boolean sleep(Duration pause, Cancellation cancellation) {
		if (cancellation.isCancelled()) {
			return false;
		}
		cancellation.waiting(Thread.currentThread());
		try {
			Thread.sleep(pause.toMillis());
			return !cancellation.isCancelled();
		}
		catch (InterruptedException ex) {
			return false;
		}
		finally {
			cancellation.doneWaiting();
		}
	}

}
