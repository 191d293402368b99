package dev.migsh.core.apply;

import java.time.Duration;
import java.util.Optional;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;

/**
 * Another session held the migration lock for longer than the lock wait (exit code 4).
 */
public class MigrationLockedException extends MigshException {

	private final transient Optional<LockHolder> holder;

	public MigrationLockedException(String lockName, Optional<LockHolder> holder, Duration waited) {
		super("The migration lock for " + lockName + " is held by "
				+ holder.map(LockHolder::describe).orElse("another session")
				+ (waited.isZero() ? "" : "; waited " + waited.toSeconds() + " s"),
				"Try again when it has finished, or wait longer (lock wait). If that session is stuck, end it with"
						+ holder.map(h -> " SELECT pg_terminate_backend(" + h.pid() + ")")
							.orElse(" pg_terminate_backend")
						+ ".",
				ExitCode.LOCK_BUSY, null);
		this.holder = holder;
	}

	public Optional<LockHolder> holder() {
		return this.holder;
	}

}
