package dev.migsh.core.apply;

import java.time.Duration;

/**
 * Told, about every 200 ms, who holds the migration lock while a command waits for it.
 */
@FunctionalInterface
public interface LockWaitListener {

	/** {@code holder} may be null when the lock was released between two polls. */
	void waiting(LockHolder holder, Duration waited, Duration limit);

	static LockWaitListener none() {
		return (holder, waited, limit) -> {
		};
	}

}
