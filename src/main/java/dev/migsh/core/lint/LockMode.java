package dev.migsh.core.lint;

/**
 * PostgreSQL's table-level lock modes, weakest first, plus NONE for statements that take
 * no table lock.
 */
public enum LockMode {

	NONE, ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
	ACCESS_EXCLUSIVE;

	/** True when a plain SELECT on the table waits for this lock. */
	public boolean blocksReads() {
		return this == ACCESS_EXCLUSIVE;
	}

	/** True when INSERT, UPDATE and DELETE on the table wait for this lock. */
	public boolean blocksWrites() {
		return compareTo(SHARE) >= 0;
	}

	/** The name as PostgreSQL writes it: {@code ACCESS EXCLUSIVE}. */
	public String sqlName() {
		return name().replace('_', ' ');
	}

	public LockMode max(LockMode other) {
		return (compareTo(other) >= 0) ? this : other;
	}

}
