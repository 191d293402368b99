package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.List;

import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SectionKind;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * Runs the statements of one section on the session's connection, one at a time, so that
 * each can be cancelled and located; a verify statement also fails when it returns false.
 */
final class SectionRunner {

	/** Called after each statement completes, with the count done so far. */
	@FunctionalInterface
	interface Progress {

		void done(int statements) throws SQLException;

	}

	private final Connection connection;

	private final Cancellation cancellation;

	private final BlockerWatch watch;

	/**
	 * Runs on the section's connection just before a statement, inside its transaction if
	 * it has one.
	 */
	@FunctionalInterface
	interface BeforeStatement {

		BeforeStatement NONE = (file, section, statement) -> {
		};

		void before(MigrationFile file, Section section, SqlStatement statement) throws SQLException;

	}

	private final ApplyListener listener;

	private final BeforeStatement before;

	private final StatementObserver observer;

	private LockRetries retries = LockRetries.NONE;

	private int retried;

	private long lockWaitedNanos;

	SectionRunner(Connection connection, Cancellation cancellation, BlockerWatch watch, ApplyListener listener) {
		this(connection, cancellation, watch, listener, BeforeStatement.NONE);
	}

	SectionRunner(Connection connection, Cancellation cancellation, BlockerWatch watch, ApplyListener listener,
			BeforeStatement before) {
		this(connection, cancellation, watch, listener, before, StatementObserver.NONE);
	}

	SectionRunner(Connection connection, Cancellation cancellation, BlockerWatch watch, ApplyListener listener,
			BeforeStatement before, StatementObserver observer) {
		this.connection = connection;
		this.cancellation = cancellation;
		this.watch = watch;
		this.listener = listener;
		this.before = before;
		this.observer = observer;
	}

	/** Retries statements outside a transaction that fail on lock_timeout. */
	SectionRunner retrying(LockRetries retries) {
		this.retries = retries;
		return this;
	}

	void run(MigrationFile file, Section section, Progress progress) throws StatementFailure, SQLException {
		run(file, section, 1, progress);
	}

	/** Runs statements {@code from} (1-based) to the end of the section. */
	void run(MigrationFile file, Section section, int from, Progress progress) throws StatementFailure, SQLException {
		List<SqlStatement> statements = section.statements();
		for (int i = from - 1; i < statements.size(); i++) {
			int index = i + 1;
			if (this.cancellation.isCancelled()) {
				throw cancelled(file, section, index, null);
			}
			SqlStatement statement = statements.get(i);
			this.listener.statementStarted(file, section.kind(), index, statements.size(), statement);
			for (int attempt = 1;; attempt++) {
				long started = System.nanoTime();
				try {
					execute(file, section, index, statement);
					break;
				}
				catch (SQLException ex) {
					if (this.cancellation.isCancelled()) {
						throw cancelled(file, section, index, ex);
					}
					if (PostgresErrors.isConnectionLost(ex) && !serverSaidWhy(ex)) {
						// the lock went with the session (checked once a second, not
						// before every statement)
						throw new LockLostException("the session ended", ex);
					}
					List<Blocker> blockers = this.watch.latest();
					boolean again = retry(file, statement, attempt, blockers, ex, started);
					if (this.cancellation.isCancelled()) {
						throw cancelled(file, section, index, ex);
					}
					if (!again) {
						throw new StatementFailure(file, section, index, false, PostgresErrors.describe(ex).summary(),
								blockers, ex)
							.afterAttempts(attempt);
					}
				}
			}
			progress.done(index);
		}
	}

	/**
	 * The server ended the session with an error of its own (57P01 terminated by an
	 * administrator, 57P02/57P03 shutting down): that error is what the user must see.
	 */
	private void execute(MigrationFile file, Section section, int index, SqlStatement statement)
			throws SQLException, StatementFailure {
		try (Statement st = this.connection.createStatement()) {
			st.setEscapeProcessing(false);
			this.cancellation.running(st);
			this.watch.statementStarted();
			this.before.before(file, section, statement);
			this.observer.before(this.connection, file, section, index, statement);
			boolean rows = st.execute(statement.sent());
			this.observer.after(this.connection, file, section, index, statement);
			if (rows && section.kind() == SectionKind.VERIFY && returnedFalse(st.getResultSet())) {
				throw new StatementFailure(file, section, index, false, "the verify query returned false", List.of(),
						null);
			}
		}
		finally {
			this.cancellation.finished();
			this.watch.statementEnded();
		}
	}

	/**
	 * Outside a transaction, a statement that failed on lock_timeout left nothing behind
	 * (unless it was a CREATE INDEX CONCURRENTLY that left an INVALID index): pause and
	 * let the caller run it again. Inside one, the transaction is aborted: the caller
	 * retries the whole migration.
	 * @return true to run the statement again (false also when cancelled in the pause)
	 */
	private boolean retry(MigrationFile file, SqlStatement statement, int attempt, List<Blocker> blockers,
			SQLException ex, long started) throws SQLException {
		if (!LockRetries.isLockTimeout(ex) || !this.retries.another(attempt) || !this.connection.getAutoCommit()
				|| !LeftIndexes.by(this.connection, statement).isEmpty()) {
			return false;
		}
		Duration pause = this.retries.pause(attempt);
		this.listener.lockRetry(file, attempt, this.retries.retries() + 1, blockers, pause);
		boolean slept = LockRetries.sleep(pause, this.cancellation);
		this.retried++;
		this.lockWaitedNanos += System.nanoTime() - started;
		return slept;
	}

	/** Statements run again after a lock timeout since the last {@link #clearTally()}. */
	int retried() {
		return this.retried;
	}

	/** Time lost to lock timeouts and pauses since the last {@link #clearTally()}. */
	Duration lockWaited() {
		return Duration.ofNanos(this.lockWaitedNanos);
	}

	void clearTally() {
		this.retried = 0;
		this.lockWaitedNanos = 0;
	}

	private static boolean serverSaidWhy(SQLException ex) {
		return ex.getSQLState() != null && ex.getSQLState().startsWith("57P");
	}

	private static boolean returnedFalse(ResultSet rs) throws SQLException {
		try (rs) {
			if (!rs.next()) {
				return false;
			}
			int type = rs.getMetaData().getColumnType(1);
			if (type != Types.BIT && type != Types.BOOLEAN) {
				return false;
			}
			boolean value = rs.getBoolean(1);
			return !rs.wasNull() && !value;
		}
	}

	private static StatementFailure cancelled(MigrationFile file, Section section, int index, SQLException ex) {
		return new StatementFailure(file, section, index, true, "cancelled", List.of(), ex);
	}

}
