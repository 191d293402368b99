package dev.migsh.core.lint;

import java.util.List;

/**
 * What a statement locks and how hard it works the table, as {@code plan} shows it: the
 * lock per table, whether the table is rewritten, whether it is scanned in full, and a
 * note (e.g. "on the index's table") where the tables cannot be named from the text
 * alone.
 */
public record LockInfo(List<TableLock> locks, boolean rewrite, boolean scan, String note) {

	public LockInfo {
		locks = List.copyOf(locks);
		note = (note == null) ? "" : note;
	}

	public static LockInfo none(String note) {
		return new LockInfo(List.of(), false, false, note);
	}

	/** The strongest mode taken on any table, NONE if none. */
	public LockMode strongest() {
		return this.locks.stream().map(TableLock::mode).reduce(LockMode.NONE, LockMode::max);
	}

	/** The mode taken on this table, NONE if it is not locked. */
	public LockMode modeOn(TableName table) {
		return this.locks.stream()
			.filter(lock -> lock.table().sameAs(table))
			.map(TableLock::mode)
			.reduce(LockMode.NONE, LockMode::max);
	}

}
