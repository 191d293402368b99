package dev.migsh.core.history;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the history table: a migration that ran (or was marked, or failed), with the
 * checksums and SQL text of its sections at that time, who ran it and how far it got. A
 * repair of an edited file adds the accepted text beside what ran. {@code rank} orders
 * rows by when they were recorded; {@code failedStatement} is the 1-based index of the
 * statement that failed, or 0.
 */
public record AppliedMigration(long rank, String id, String version, String name, HistoryState state, String upChecksum,
		Optional<String> downChecksum, Optional<String> verifyChecksum, String upSql, Optional<String> downSql,
		Instant appliedAt, String dbUser, String operator, long executionMs, int statementsTotal, int statementsDone,
		Optional<String> error, int failedStatement, Optional<Acceptance> accepted) {

	/**
	 * An edited file that {@code repair} accepted: its checksums and SQL, who accepted it
	 * and when. The row's own checksums and SQL still say what ran.
	 */
	public record Acceptance(String upChecksum, Optional<String> downChecksum, Optional<String> verifyChecksum,
			String upSql, Optional<String> downSql, Instant at, String by) {
	}

	/**
	 * The up checksum the file is held to: the accepted one after a repair, else what
	 * ran.
	 */
	public String currentUpChecksum() {
		return this.accepted.map(Acceptance::upChecksum).orElse(this.upChecksum);
	}

	/**
	 * True for the row of a Flyway repeatable migration: no version, its id is
	 * {@code R__name}, and its one row is replaced each time it runs.
	 */
	public boolean isRepeatable() {
		return this.version.isEmpty();
	}

	/** True for the states that count as "in the database": applied, marked, baseline. */
	public boolean isApplied() {
		return this.state != HistoryState.FAILED;
	}

}
