package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.history.HistoryState;
import dev.migsh.core.plan.FailedRun;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * {@code undo ID} on a failed migration: runs the inverse of only the up statements that
 * ran, taken from a down section with exactly one statement per up statement in reverse
 * order (down statement n+1-i reverses up statement i), keeping dropped data in
 * migsh_trash; then removes the failed row. Any other down section is refused with the
 * list of what ran.
 */
public final class Revert {

	/**
	 * What reverting {@code run} runs: the last {@code ran} statements of the down
	 * section, starting at {@code from} (1-based).
	 */
	public record Point(MigrationFile file, AppliedMigration row, FailedRun run, int ran, int from) {

		public Section down() {
			return this.file.down().get();
		}

		public List<SqlStatement> toRun() {
			List<SqlStatement> all = down().statements();
			return all.subList(Math.min(this.from - 1, all.size()), all.size());
		}

	}

	private final EngineSettings settings;

	public Revert(EngineSettings settings) {
		this.settings = settings;
	}

	/** True when {@code id} names a failed row: undo then reverts what ran. */
	public static boolean isFailed(StatusReport status, String id) {
		return status.resolve(id).applied().map(a -> a.state() == HistoryState.FAILED).orElse(false);
	}

	/**
	 * What to run, from the history alone; an interrupted statement is counted as not run
	 * here and settled by the catalog under the lock.
	 */
	public static Point check(StatusReport status, String id) {
		MigrationStatus row = status.resolve(id);
		AppliedMigration applied = row.applied().filter(a -> a.state() == HistoryState.FAILED).orElse(null);
		if (applied == null || row.file().isEmpty()) {
			throw refused("Migration " + row.id() + " is not a failed migration with its file",
					"Run `status` to see the failed ones.");
		}
		FailedRun run = FailedRun.of(applied, row.file()).get();
		return at(row.file().get(), applied, run, run.ran());
	}

	static Point at(MigrationFile file, AppliedMigration row, FailedRun run, int ran) {
		int up = file.up().statements().size();
		int down = file.down().map(d -> d.statements().size()).orElse(0);
		if (ran > 0 && (file.down().isEmpty() || down != up)) {
			StringBuilder list = new StringBuilder();
			for (FailedRun.Step step : run.steps().subList(0, ran)) {
				list.append("\n  ").append(step.index()).append(". ").append(RanStatements.oneLine(step.sql()));
			}
			throw refused(
					file.id() + ": "
							+ (file.down().isEmpty() ? "it has no down section"
									: "its down section has " + down + " statement(s) for " + up
											+ " up statements, so migsh cannot tell which reverse what ran")
							+ ". Statements 1-" + ran + " ran:" + list,
					"Reverse those statements by hand, then `repair` clears the failed row; or fix the file and"
							+ " `apply --resume " + file.id() + "`.");
		}
		return new Point(file, row, run, ran, down - ran + 1);
	}

	public UndoResult run(MigrationCatalog migrations, String id, HistoryExpectation expected, Duration lockWait,
			ApplyListener listener, Cancellation cancellation) {
		try (LockedSession session = LockedSession.open(this.settings, "undo", lockWait, listener::lockWaiting,
				cancellation)) {
			StatusReport status = StatusReport.of(migrations, session.readHistory());
			expected.check(status);
			Point point = check(status, id);
			point = at(point.file(), point.row(), point.run(), RanStatements.count(session.connection(), point.run()));
			Timeouts timeouts = new Timeouts(this.settings.lockTimeout(), this.settings.statementTimeout());
			List<TrashEntry> kept = new ArrayList<>();
			SectionRunner runner = new SectionRunner(session.connection(), cancellation, session.watch(timeouts),
					listener,
					(file, section, statement) -> kept.addAll(Trash.keep(session.connection(), file.id(), statement)));
			listener.migrationStarted(point.file(), 1, 1);
			String reverted = point.file().id();
			List<String> stillApplied = status.appliedInOrder()
				.stream()
				.filter(s -> !s.id().equals(reverted))
				.map(dev.migsh.core.plan.MigrationStatus::version)
				.toList();
			UndoneMigration result = revert(session, runner, point, timeouts, kept, stillApplied);
			listener.migrationUndone(result);
			return new UndoResult(List.of(result));
		}
		catch (SQLException ex) {
			throw LockedSession.failure("undo", ex);
		}
	}

	private UndoneMigration revert(LockedSession session, SectionRunner runner, Point point, Timeouts timeouts,
			List<TrashEntry> kept, List<String> stillApplied) throws SQLException {
		Connection connection = session.connection();
		MigrationFile file = point.file();
		Section down = point.down();
		boolean transactional = down.transactional();
		long start = System.nanoTime();
		connection.setAutoCommit(!transactional);
		try {
			session.setTimeouts(timeouts, transactional);
			if (point.ran() > 0) {
				runner.run(file, down, point.from(), done -> {
				});
			}
			if (transactional && session.cancellation().isCancelled()) {
				throw new StatementFailure(file, down, down.statements().size(), true, "cancelled", List.of(), null);
			}
			session.reset();
			long ms = Apply.elapsedMs(start);
			session.lock().verify();
			session.history().delete(connection, file.id());
			// golang-migrate's dirty row of the failed migration goes back to the version
			// below
			session.kept().removed(connection, file.id(), file.version().text(), stillApplied);
			session.audit(AuditAction.UNDO, file.id(), AuditOutcome.OK,
					"reverted the " + point.ran() + " statement(s) that ran of a failed migration: down statements "
							+ point.from() + "-" + down.statements().size() + " in " + ms + " ms");
			if (transactional) {
				connection.commit();
			}
			return new UndoneMigration(file.id(), Duration.ofMillis(ms), point.toRun().size(), List.copyOf(kept));
		}
		catch (StatementFailure failure) {
			session.resetQuietly();
			String state = transactional ? "its transaction was rolled back" : failure.done() < point.from()
					? "no down statement ran"
					: "down statements " + point.from() + "-" + failure.done() + " ran and stay (no transaction)";
			String message = "Reverting " + file.id() + " stopped at down statement " + failure.index + "; " + state
					+ "; it is still recorded as failed";
			if (failure.cancelled) {
				MigrationCancelledException ex = new MigrationCancelledException("Cancelled: " + message,
						"Run `show " + file.id() + "` to see what ran.");
				session.auditQuietly(AuditAction.UNDO, file.id(), AuditOutcome.CANCELLED, ex.getMessage(), ex);
				throw ex;
			}
			MigrationFailedException ex = failure.toException(message + ". "
					+ (failure.serverGone() ? PostgresErrors.SERVER_GONE_HINT : "Fix the cause, then run `undo "
							+ file.id() + "` again (or reverse the rest by hand and run `repair`)."));
			session.auditQuietly(AuditAction.UNDO, file.id(), AuditOutcome.FAILED, ex.getMessage(), ex);
			throw ex;
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

	private static MigshException refused(String message, String hint) {
		return new MigshException(message, hint, ExitCode.PREFLIGHT_REFUSED, null);
	}

}
