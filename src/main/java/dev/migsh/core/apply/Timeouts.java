package dev.migsh.core.apply;

import java.time.Duration;

/**
 * lock_timeout and statement_timeout for one migration (zero means none), and how often a
 * statement failing on lock_timeout is tried again.
 */
record Timeouts(Duration lockTimeout, Duration statementTimeout, LockRetries lockRetries) {

	Timeouts(Duration lockTimeout, Duration statementTimeout) {
		this(lockTimeout, statementTimeout, LockRetries.NONE);
	}

	/** The session settings only: two runs with the same timeouts need no new SET. */
	Timeouts settings() {
		return new Timeouts(this.lockTimeout, this.statementTimeout);
	}

	/**
	 * When to start asking who blocks a statement: after 1 s, or half the lock timeout if
	 * shorter.
	 */
	Duration blockerThreshold() {
		Duration second = Duration.ofSeconds(1);
		if (this.lockTimeout.isZero()) {
			return second;
		}
		Duration half = this.lockTimeout.dividedBy(2);
		return half.compareTo(second) < 0 ? half : second;
	}

}
