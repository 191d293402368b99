package dev.migsh.core.history;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the history table: a migration that ran (or was marked, or failed), with the
 * checksums and SQL text of its sections at that time, who ran it and how far it got.
 * {@code rank} orders rows by when they were recorded; {@code failedStatement} is the
 * 1-based index of the statement that failed, or 0.
 */
public record AppliedMigration(long rank, String id, String version, String name, HistoryState state, String upChecksum,
		Optional<String> downChecksum, Optional<String> verifyChecksum, String upSql, Optional<String> downSql,
		Instant appliedAt, String dbUser, String operator, long executionMs, int statementsTotal, int statementsDone,
		Optional<String> error, int failedStatement) {

	/** True for the states that count as "in the database": applied, marked, baseline. */
	public boolean isApplied() {
		return this.state != HistoryState.FAILED;
	}

}
