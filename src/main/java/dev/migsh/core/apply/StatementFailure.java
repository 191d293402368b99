package dev.migsh.core.apply;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.postgres.PostgresErrors;
import dev.migsh.core.postgres.ServerError;

/**
 * Inside the engine: statement {@code index} (1-based) of a section failed or was
 * cancelled. The command turns it into a user-facing exception once it has rolled back
 * and audited.
 */
final class StatementFailure extends Exception {

	private static final long serialVersionUID = 1L;

	final MigrationFile file;

	final Section section;

	final int index;

	final boolean cancelled;

	final transient List<Blocker> blockers;

	final String problem;

	/** How many times the statement (or its migration) ran: 1 unless retried. */
	int attempts = 1;

	StatementFailure(MigrationFile file, Section section, int index, boolean cancelled, String problem,
			List<Blocker> blockers, Throwable cause) {
		super(problem, cause);
		this.file = file;
		this.section = section;
		this.index = index;
		this.cancelled = cancelled;
		this.problem = problem;
		this.blockers = List.copyOf(blockers);
	}

	/**
	 * True when the session failed rather than the statement: class 08 or a server
	 * shutdown (57P01-57P03).
	 */
	boolean serverGone() {
		return getCause() instanceof SQLException sql && PostgresErrors.isConnectionLost(sql);
	}

	StatementFailure afterAttempts(int attempts) {
		this.attempts = attempts;
		return this;
	}

	/** True when it failed on lock_timeout (SQLSTATE 55P03). */
	boolean lockTimeout() {
		return !this.cancelled && LockRetries.isLockTimeout(getCause());
	}

	/** The statement that failed. */
	SqlStatement statement() {
		return this.section.statements().get(Math.min(this.index, this.section.statements().size()) - 1);
	}

	/** The statements of the section that completed before this one. */
	int done() {
		return this.index - 1;
	}

	MigrationFailedException toException(String hint) {
		Optional<ServerError> error = (getCause() instanceof SQLException sql)
				? Optional.of(PostgresErrors.describe(sql)) : Optional.empty();
		SqlStatement statement = this.section.statements().isEmpty() ? new SqlStatement("", 1, 1)
				: this.section.statements().get(Math.min(this.index, this.section.statements().size()) - 1);
		String location = PostgresErrors.location(this.section.file(), statement,
				error.map(ServerError::position).orElse(0));
		String problem = this.attempts > 1 ? this.problem + " (on each of " + this.attempts + " attempts)"
				: this.problem;
		return new MigrationFailedException(this.file.id(), this.section.kind(), this.index,
				this.section.statements().size(), location, error, problem, this.blockers, hint, getCause());
	}

}
