package dev.migsh.core.adopt;

/**
 * What another tool's history says about one migration; only {@link #APPLIED} and
 * {@link #BASELINE} may be adopted as applied.
 */
public enum ForeignState {

	/** Ran to the end (Liquibase's EXECUTED, RERAN and MARK_RAN included). */
	APPLIED,
	/**
	 * Started and failed, or still running (Flyway success=false, Prisma finished_at
	 * NULL).
	 */
	FAILED,
	/** golang-migrate's dirty flag: the migration stopped half-way. */
	DIRTY,
	/** Prisma's rolled_back_at: the user declared it rolled back. */
	ROLLED_BACK,
	/** Flyway undid it (an UNDO row) or repair marked it deleted: no longer applied. */
	UNDONE,
	/** Liquibase SKIPPED: recorded but never run. */
	SKIPPED,
	/** A baseline marker: everything up to this version counts as already there. */
	BASELINE;

	/** True for the states migsh may record as applied. */
	public boolean isAdoptable() {
		return this == APPLIED || this == BASELINE;
	}

	/**
	 * True when the migration may be partly in the database, so it is neither applied nor
	 * pending until someone looks: failed or dirty. Rolled back, undone and skipped ones
	 * are simply not there.
	 */
	public boolean isInDoubt() {
		return this == FAILED || this == DIRTY;
	}

}
