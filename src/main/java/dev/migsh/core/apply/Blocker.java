package dev.migsh.core.apply;

import java.time.Duration;

/**
 * A session that blocked a migration's statement, as pg_blocking_pids and
 * pg_stat_activity show it.
 */
public record Blocker(int pid, String user, String application, String state, String query, Duration transactionAge) {

	/**
	 * {@code pid 4242 (user app, application 'psql', idle in transaction for 12 s: LOCK TABLE t)}.
	 */
	public String describe() {
		String q = this.query == null ? "" : this.query.strip().replaceAll("\\s+", " ");
		if (q.length() > 120) {
			q = q.substring(0, 117) + "...";
		}
		return "pid " + this.pid + " (user " + this.user
				+ (this.application == null || this.application.isEmpty() ? ""
						: ", application '" + this.application + "'")
				+ ", " + this.state
				+ (this.transactionAge == null ? "" : " for " + this.transactionAge.toSeconds() + " s")
				+ (q.isEmpty() ? "" : ": " + q) + ")";
	}

}
