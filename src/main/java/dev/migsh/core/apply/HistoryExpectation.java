package dev.migsh.core.apply;

import dev.migsh.core.plan.StatusReport;

/**
 * What a change expects of the folder and the history, checked under the migration lock
 * just after the history is read there: a proposal made before the lock was taken throws
 * here when another session changed the history in between, before anything is written.
 */
@FunctionalInterface
public interface HistoryExpectation {

	HistoryExpectation NONE = status -> {
	};

	/**
	 * Throws a {@link dev.migsh.core.MigshException} (exit code 3) naming what changed.
	 */
	void check(StatusReport statusUnderLock);

}
