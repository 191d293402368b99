package dev.migsh.core.plan;

/** A migration's state as {@code status} shows it: files on disk against the history. */
public enum MigrationState {

	/** In history as applied and the file is unchanged. */
	APPLIED,
	/** Not in history yet. */
	PENDING,
	/**
	 * In history as failed (a non-transactional migration that stopped at a statement).
	 */
	FAILED,
	/** Applied, but the file's up section is no longer what ran. */
	CHANGED,
	/** In history, but its file is gone. */
	MISSING,
	/** Pending with a version below the highest one in history. */
	OUT_OF_ORDER,
	/** Recorded with mark-applied, never run by migsh. */
	MARKED,
	/** The baseline taken from a live database. */
	BASELINE,
	/**
	 * A repeatable migration whose file changed since it last ran: apply runs it again
	 * (pending, never applied, is {@link #PENDING}).
	 */
	OUTDATED

}
