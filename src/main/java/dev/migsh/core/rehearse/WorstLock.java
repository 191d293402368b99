package dev.migsh.core.rehearse;

import java.time.Duration;
import java.util.Optional;

import dev.migsh.core.lint.LockMode;

/**
 * The lock that hurts most: the strongest one, held longest. A lock taken in a
 * transaction is held until its COMMIT, so it is held for the rest of its migration.
 *
 * @param migration where it is taken
 * @param statement the statement that takes it (1-based)
 * @param relation the locked table
 * @param mode its mode
 * @param heldOnCopy from the statement to the end of the migration, on the copy
 * @param heldLive the same, estimated for the live database (empty when it cannot be
 * scaled)
 */
public record WorstLock(String migration, int statement, String relation, LockMode mode, Duration heldOnCopy,
		Optional<Duration> heldLive) {

	public String blocks() {
		return ObservedLock.blocks(this.mode);
	}

}
