package dev.migsh.core.rehearse;

import java.time.Duration;
import java.util.List;

import dev.migsh.core.lint.LockMode;

/**
 * What one up statement did on the copy, beside what the rules predicted.
 *
 * @param index 1-based, in the up section
 * @param sql the statement as it ran
 * @param location file:line:column
 * @param inTransaction false for a statement run without a transaction: its locks end
 * with it and are not observed
 * @param locks the locks it took on relations that existed before its migration
 * @param held every such lock its transaction holds once it completed (those of earlier
 * statements included): what other sessions wait for while it runs
 * @param rewritten tables whose file it replaced (relfilenode before/after)
 * @param rebuiltIndexes indexes whose file it replaced
 * @param bytesWritten the size of the files it rewrote or built
 * @param onCopy its duration on the copy
 * @param estimate the estimate for the live database
 * @param predictedLock the rules' strongest lock ({@code plan})
 * @param predictedRewrite whether the rules predicted a rewrite
 * @param disagreements where prediction and observation differ, e.g.
 * {@code predicted rewrite, observed none}
 */
public record ObservedStatement(int index, String sql, String location, boolean inTransaction, List<ObservedLock> locks,
		List<ObservedLock> held, List<String> rewritten, List<String> rebuiltIndexes, long bytesWritten,
		Duration onCopy, LiveEstimate estimate, LockMode predictedLock, boolean predictedRewrite,
		List<String> disagreements) {

	public ObservedStatement {
		locks = List.copyOf(locks);
		held = List.copyOf(held);
		rewritten = List.copyOf(rewritten);
		rebuiltIndexes = List.copyOf(rebuiltIndexes);
		disagreements = List.copyOf(disagreements);
	}

	/** The strongest lock it took on a table (NONE if none). */
	public LockMode strongestLock() {
		return this.locks.stream()
			.filter((l) -> !l.index())
			.map(ObservedLock::mode)
			.reduce(LockMode.NONE, LockMode::max);
	}

	/** The strongest lock its transaction holds on a table once it completed. */
	public LockMode heldLock() {
		return this.held.stream()
			.filter((l) -> !l.index())
			.map(ObservedLock::mode)
			.reduce(LockMode.NONE, LockMode::max);
	}

	/**
	 * What other sessions wait for while it runs, by the strongest lock its transaction
	 * holds: "reads and writes", "writes" or "none".
	 */
	public String blocks() {
		return ObservedLock.blocks(heldLock());
	}

	/** Whether it rewrote a table that existed before its migration. */
	public boolean rewrote() {
		return !this.rewritten.isEmpty();
	}

}
