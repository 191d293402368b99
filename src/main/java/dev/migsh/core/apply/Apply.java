package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.history.HistoryState;
import dev.migsh.core.plan.ApplyPlan;
import dev.migsh.core.plan.FailedRun;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.plan.RollbackInstructions;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * The {@code apply} command: under the migration lock, recomputes the status, refuses an
 * inconsistent history, then runs each migration. A transactional one runs with its
 * verify section and its history row in one transaction; a non-transactional one records
 * its progress statement by statement, so a failure leaves a failed row at k/n.
 */
public final class Apply {

	private final EngineSettings settings;

	private final StatementObserver observer;

	public Apply(EngineSettings settings) {
		this(settings, StatementObserver.NONE);
	}

	/**
	 * An engine that shows {@code observer} every statement it runs (a rehearsal on a
	 * scratch copy reads locks and rewrites through it).
	 */
	public Apply(EngineSettings settings, StatementObserver observer) {
		this.settings = settings;
		this.observer = observer;
	}

	public ApplyResult run(MigrationCatalog migrations, ApplyRequest request, ApplyListener listener,
			Cancellation cancellation) {
		return run(migrations, request, HistoryExpectation.NONE, listener, cancellation);
	}

	public ApplyResult run(MigrationCatalog migrations, ApplyRequest request, HistoryExpectation expected,
			ApplyListener listener, Cancellation cancellation) {
		Timeouts timeouts = new Timeouts(request.lockTimeout().orElse(this.settings.lockTimeout()),
				request.statementTimeout().orElse(this.settings.statementTimeout()), request.lockRetries());
		Duration lockWait = request.lockWait().orElse(this.settings.lockWait());
		try (LockedSession session = LockedSession.open(this.settings, "apply", lockWait, listener::lockWaiting,
				cancellation)) {
			StatusReport status = StatusReport.of(migrations, session.readHistory());
			expected.check(status);
			ApplyPlan plan = ApplyPlan.of(status, request.target(), request.allowOutOfOrder());
			List<dev.migsh.core.plan.MigrationStatus> before = status.versionedAppliedInOrder();
			Optional<String> latestBefore = before.isEmpty() ? Optional.empty()
					: Optional.of(before.get(before.size() - 1).id());
			SectionRunner runner = new SectionRunner(session.connection(), cancellation, session.watch(timeouts),
					listener, SectionRunner.BeforeStatement.NONE, this.observer)
				.retrying(timeouts.lockRetries());
			List<MigrationResult> applied = new ArrayList<>();
			List<MigrationFile> files = plan.migrations();
			for (int i = 0; i < files.size(); i++) {
				MigrationFile file = files.get(i);
				if (cancellation.isCancelled()) {
					throw new MigrationCancelledException("Cancelled before " + file.id() + "; " + appliedText(applied),
							"Run `status` to see what is pending.");
				}
				listener.migrationStarted(file, i + 1, files.size());
				session.verifyLockRecently();
				MigrationResult result = file.up().transactional()
						? transactional(session, runner, file, timeouts, applied, listener)
						: nonTransactional(session, runner, file, timeouts, applied, null, 1);
				applied.add(result);
				listener.migrationFinished(result);
			}
			return new ApplyResult(applied, latestBefore);
		}
		catch (SQLException ex) {
			throw LockedSession.failure("apply", ex);
		}
	}

	/**
	 * Runs a transactional migration; when a statement fails on lock_timeout, the
	 * transaction is rolled back and the whole migration runs again after a pause, up to
	 * the retries allowed. The attempts and the time they lost are in the result and its
	 * audit row.
	 */
	private MigrationResult transactional(LockedSession session, SectionRunner runner, MigrationFile file,
			Timeouts timeouts, List<MigrationResult> before, ApplyListener listener) throws SQLException {
		LockRetries retries = timeouts.lockRetries();
		long lost = 0;
		for (int attempt = 1;; attempt++) {
			long start = System.nanoTime();
			try {
				return transactional(session, runner, file, timeouts, before, attempt, Duration.ofNanos(lost));
			}
			catch (StatementFailure failure) {
				if (!failure.lockTimeout() || !retries.another(attempt)) {
					throw failed(session, file, failure.afterAttempts(attempt), before);
				}
				Duration pause = retries.pause(attempt);
				listener.lockRetry(file, attempt, retries.retries() + 1, failure.blockers, pause);
				boolean slept = LockRetries.sleep(pause, session.cancellation());
				lost += System.nanoTime() - start;
				if (!slept) {
					throw failed(session, file, new StatementFailure(file, failure.section, failure.index, true,
							"cancelled", List.of(), null), before);
				}
			}
		}
	}

	private MigrationResult transactional(LockedSession session, SectionRunner runner, MigrationFile file,
			Timeouts timeouts, List<MigrationResult> before, int attempt, Duration lost)
			throws SQLException, StatementFailure {
		Connection connection = session.connection();
		long start = System.nanoTime();
		connection.setAutoCommit(false);
		try {
			session.useTimeouts(timeouts);
			runner.run(file, file.up(), done -> {
			});
			if (file.verify().isPresent()) {
				runner.run(file, file.verify().get(), done -> {
				});
			}
			if (session.cancellation().isCancelled()) {
				throw new StatementFailure(file, file.up(), file.up().statements().size(), true, "cancelled", List.of(),
						null);
			}
			session.resetIfChanged(file);
			long ms = elapsedMs(start);
			MigrationResult result = new MigrationResult(file.id(), Duration.ofMillis(ms),
					file.up().statements().size(), RollbackInstructions.of(file), attempt, lost);
			String detail = "applied " + file.up().statements().size() + " statements in " + ms + " ms"
					+ (attempt > 1 ? " " + result.attemptsText() : "");
			if (session.commitsWithRecord(file)) {
				try {
					session.recordApplied(file, ms, detail);
				}
				catch (SQLException ex) {
					throw notCommitted(session, file, ex);
				}
			}
			else {
				session.recordApplied(file, ms, detail);
				session.kept().applied(connection, file, ms);
				commit(session, file);
			}
			// the reset above was part of the committed transaction: nothing left to undo
			// in finally
			connection.setAutoCommit(true);
			return result;
		}
		catch (StatementFailure failure) {
			session.resetQuietly();
			throw failure;
		}
		catch (SQLException | RuntimeException ex) {
			session.resetQuietly();
			throw ex;
		}
		finally {
			if (!connection.isClosed() && !connection.getAutoCommit()) {
				session.resetQuietly();
			}
		}
	}

	/**
	 * A transactional migration that failed or was cancelled (rolled back already):
	 * audited, and turned into what the user sees.
	 */
	private RuntimeException failed(LockedSession session, MigrationFile file, StatementFailure failure,
			List<MigrationResult> before) {
		if (failure.cancelled) {
			MigrationCancelledException ex = new MigrationCancelledException(
					"Cancelled: " + file.id() + " was rolled back (" + failure.section.kind().word() + " statement "
							+ failure.index + " of " + failure.section.statements().size() + " was running); "
							+ appliedText(before),
					"Run `status` to see the state; `apply` runs " + file.id() + " again from the start.");
			session.auditQuietly(AuditAction.APPLY, file.id(), AuditOutcome.CANCELLED,
					"cancelled at " + failure.section.kind().word() + " statement " + failure.index + "; rolled back",
					ex);
			return ex;
		}
		MigrationFailedException ex = failure
			.toException("Nothing of " + file.id() + " was kept: its transaction was rolled back"
					+ (before.isEmpty() ? "" : " (" + appliedText(before) + ")") + ". "
					+ (failure.serverGone() ? PostgresErrors.SERVER_GONE_HINT
							: failure.blockers.isEmpty() ? "Fix the statement, then run `apply` again."
									: "Wait for the blocking session to finish or end it (SELECT pg_terminate_backend("
											+ failure.blockers.get(0).pid() + ")), then run `apply` again."));
		session.auditQuietly(AuditAction.APPLY, file.id(), AuditOutcome.FAILED, ex.getMessage(), ex);
		return ex;
	}

	/**
	 * Runs a non-transactional up from statement {@code from}: 1 inserts its row; a
	 * resume ({@code resumed} is the failed row) runs on from the failed statement.
	 * Before each statement the row names it, so a crash leaves "interrupted during
	 * statement k" and never a count behind the database.
	 */
	MigrationResult nonTransactional(LockedSession session, SectionRunner runner, MigrationFile file, Timeouts timeouts,
			List<MigrationResult> before, AppliedMigration resumed, int from) throws SQLException {
		Connection connection = session.connection();
		int total = file.up().statements().size();
		long start = System.nanoTime();
		session.lock().verify();
		if (resumed == null) {
			session.history()
				.insert(connection, file, HistoryState.FAILED, session.operator(), 0, 0, FailedRun.INTERRUPTED + 1, 1);
		}
		else if (from <= total) {
			session.history().started(connection, file.id(), from, FailedRun.INTERRUPTED + from);
		}
		runner.clearTally();
		session.kept().starting(connection, file);
		try {
			session.setTimeouts(timeouts, false);
			runner.run(file, file.up(), from, done -> {
				if (done < total) {
					session.lock().verify();
					session.history().started(connection, file.id(), done + 1, FailedRun.INTERRUPTED + (done + 1));
				}
			});
			if (file.verify().isPresent()) {
				runner.run(file, file.verify().get(), done -> {
				});
			}
			session.reset();
			long ms = elapsedMs(start);
			session.lock().verify();
			if (resumed != null && !resumed.currentUpChecksum().equals(file.up().checksum())) {
				session.history().accept(connection, file, session.operator());
			}
			session.history().finish(connection, file.id(), ms);
			session.kept().applied(connection, file, ms);
			session.audit(AuditAction.APPLY, file.id(), AuditOutcome.OK,
					(resumed == null ? "applied " + total
							: "resumed at statement " + from + " of " + total + "; applied " + (total - from + 1))
							+ " statements without a transaction in " + ms + " ms" + retriedText(runner));
			return new MigrationResult(file.id(), Duration.ofMillis(ms), total, RollbackInstructions.of(file),
					runner.retried() + 1, runner.lockWaited());
		}
		catch (StatementFailure failure) {
			session.resetQuietly();
			boolean verify = failure.section != file.up();
			int done = verify ? total : failure.done();
			int failedAt = verify ? total : failure.index;
			String ran = done == 0 ? "no statement ran" : "statements 1-" + done + " of " + total + " ran and stay";
			String error = failure.cancelled ? "cancelled" : failure.problem;
			String left = verify ? "" : LeftIndexes.advice(LeftIndexes.by(connection, failure.statement()));
			String wayOut = left.isEmpty() ? FailedRun.wayOut(file.id(), failedAt)
					: left + "Then `apply --resume " + file.id() + "` runs statement " + failedAt + " again.";
			session.lock().verify();
			session.history().fail(connection, file.id(), done, failedAt, error, elapsedMs(start));
			if (failure.cancelled) {
				MigrationCancelledException ex = new MigrationCancelledException("Cancelled: " + file.id()
						+ " (no transaction) stopped at statement " + failure.index + " of " + total + "; " + ran
						+ "; it is recorded as failed at " + failedAt + "/" + total + "; " + appliedText(before),
						"Run `show " + file.id() + "` to see what ran. " + wayOut);
				session.auditQuietly(AuditAction.APPLY, file.id(), AuditOutcome.CANCELLED,
						"cancelled at statement " + failure.index + " of " + total + "; " + ran, ex);
				throw ex;
			}
			MigrationFailedException ex = failure.toException(
					file.id() + " ran without a transaction: " + ran + ", and it is recorded as failed at " + failedAt
							+ "/" + total + ". " + (failure.serverGone() ? PostgresErrors.SERVER_GONE_HINT : wayOut));
			session.auditQuietly(AuditAction.APPLY, file.id(), AuditOutcome.FAILED, ex.getMessage(), ex);
			throw ex;
		}
	}

	/**
	 * COMMIT; when the connection is lost with it, the outcome is read back from the
	 * history on a new connection.
	 */
	private void commit(LockedSession session, MigrationFile file) throws SQLException {
		try {
			session.connection().commit();
		}
		catch (SQLException ex) {
			throw notCommitted(session, file, ex);
		}
	}

	/**
	 * What a failure of COMMIT (alone or sent with the history write) becomes: when the
	 * connection went with it, the outcome read back from the history on a new
	 * connection; otherwise the server refused it (a deferred constraint or trigger) and
	 * the transaction is rolled back.
	 */
	private MigshException notCommitted(LockedSession session, MigrationFile file, SQLException ex) {
		if (PostgresErrors.isConnectionLost(ex)) {
			return InDoubtCommit.resolve(this.settings, session.pid(), file.id(), ex);
		}
		return PostgresErrors.failure(
				"Nothing of " + file.id() + " was kept: its history row or COMMIT failed,"
						+ " and its transaction was rolled back",
				ex, "A deferred constraint or trigger is checked at COMMIT: fix the migration, then run `apply` again;"
						+ " `status` shows what is applied.");
	}

	private static String retriedText(SectionRunner runner) {
		return runner.retried() == 0 ? "" : "; " + runner.retried() + " statement retries after lock_timeout ("
				+ MigrationResult.seconds(runner.lockWaited()) + " s waiting for locks)";
	}

	static String appliedText(List<MigrationResult> applied) {
		if (applied.isEmpty()) {
			return "nothing was applied before it in this run";
		}
		return "applied before it in this run: "
				+ String.join(", ", applied.stream().map(MigrationResult::id).toList());
	}

	static long elapsedMs(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
	}

}
