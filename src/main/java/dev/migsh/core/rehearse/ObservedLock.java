package dev.migsh.core.rehearse;

import dev.migsh.core.lint.LockMode;

/**
 * A lock a statement took on a relation other sessions can see, read from
 * {@code pg_locks} of its own backend before its transaction ended.
 *
 * @param relation schema-qualified name
 * @param index whether the relation is an index
 * @param mode the lock mode
 */
public record ObservedLock(String relation, boolean index, LockMode mode) {

	/**
	 * What other sessions wait for while it is held: "reads and writes", "writes" or
	 * "none".
	 */
	public String blocks() {
		return blocks(this.mode);
	}

	static String blocks(LockMode mode) {
		if (mode.blocksReads()) {
			return "reads and writes";
		}
		return mode.blocksWrites() ? "writes" : "none";
	}

	/** {@code AccessExclusiveLock} as PostgreSQL names it in pg_locks. */
	static LockMode parse(String pgLocksMode) {
		String words = pgLocksMode.replaceFirst("Lock$", "").replaceAll("([a-z])([A-Z])", "$1_$2");
		return LockMode.valueOf(words.toUpperCase(java.util.Locale.ROOT));
	}

}
