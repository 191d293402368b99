package dev.migsh.core.apply;

import java.time.Duration;
import java.util.Optional;

import dev.migsh.core.plan.UndoTarget;

/**
 * What to undo and how: the target, {@code force} to undo a migration that is not the
 * latest applied, and optional overrides of the lock wait and timeouts.
 */
public record UndoRequest(UndoTarget target, boolean force, Optional<Duration> lockWait, Optional<Duration> lockTimeout,
		Optional<Duration> statementTimeout) {

	public static UndoRequest of(UndoTarget target) {
		return new UndoRequest(target, false, Optional.empty(), Optional.empty(), Optional.empty());
	}

	public UndoRequest forced() {
		return new UndoRequest(this.target, true, this.lockWait, this.lockTimeout, this.statementTimeout);
	}

	public UndoRequest withLockWait(Duration wait) {
		return new UndoRequest(this.target, this.force, Optional.of(wait), this.lockTimeout, this.statementTimeout);
	}

}
