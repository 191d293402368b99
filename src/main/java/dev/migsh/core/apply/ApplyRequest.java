package dev.migsh.core.apply;

import java.time.Duration;
import java.util.Optional;

import dev.migsh.core.plan.ApplyTarget;

/**
 * What to apply and how: the target, and optional overrides of the lock wait,
 * lock_timeout and statement_timeout (zero means no limit for the timeouts, fail fast for
 * the lock wait); {@code allowOutOfOrder} lets "all" run pending migrations below the
 * highest applied version.
 */
public record ApplyRequest(ApplyTarget target, Optional<Duration> lockWait, Optional<Duration> lockTimeout,
		Optional<Duration> statementTimeout, boolean allowOutOfOrder, LockRetries lockRetries) {

	public ApplyRequest(ApplyTarget target, Optional<Duration> lockWait, Optional<Duration> lockTimeout,
			Optional<Duration> statementTimeout, boolean allowOutOfOrder) {
		this(target, lockWait, lockTimeout, statementTimeout, allowOutOfOrder,
				new LockRetries(LockRetries.DEFAULT_RETRIES));
	}

	public static ApplyRequest of(ApplyTarget target) {
		return new ApplyRequest(target, Optional.empty(), Optional.empty(), Optional.empty(), false);
	}

	/**
	 * Retries of a statement failing on lock_timeout ({@link LockRetries#NONE} turns them
	 * off).
	 */
	public ApplyRequest withLockRetries(LockRetries retries) {
		return new ApplyRequest(this.target, this.lockWait, this.lockTimeout, this.statementTimeout,
				this.allowOutOfOrder, retries);
	}

	public static ApplyRequest all() {
		return of(ApplyTarget.all());
	}

	public ApplyRequest withLockWait(Duration wait) {
		return new ApplyRequest(this.target, Optional.of(wait), this.lockTimeout, this.statementTimeout,
				this.allowOutOfOrder, this.lockRetries);
	}

	public ApplyRequest withTimeouts(Duration lockTimeout, Duration statementTimeout) {
		return new ApplyRequest(this.target, this.lockWait, Optional.of(lockTimeout), Optional.of(statementTimeout),
				this.allowOutOfOrder, this.lockRetries);
	}

	public ApplyRequest allowingOutOfOrder() {
		return new ApplyRequest(this.target, this.lockWait, this.lockTimeout, this.statementTimeout, true,
				this.lockRetries);
	}

}
