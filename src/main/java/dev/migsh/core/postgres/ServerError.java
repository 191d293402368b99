package dev.migsh.core.postgres;

import java.util.Optional;

/**
 * What the server said about a failed statement: SQLSTATE, message, optional detail and
 * hint, and the 1-based character position inside the statement (0 when it gave none).
 */
public record ServerError(String sqlState, String message, Optional<String> detail, Optional<String> hint,
		int position) {

	public boolean isLockTimeout() {
		return PostgresErrors.LOCK_NOT_AVAILABLE.equals(this.sqlState);
	}

	/** {@code 42P01 relation "x" does not exist}, plus the detail when there is one. */
	public String summary() {
		String text = (this.sqlState.isEmpty() ? "" : this.sqlState + " ") + this.message;
		return this.detail.map(d -> text + " (" + d + ")").orElse(text);
	}

}
