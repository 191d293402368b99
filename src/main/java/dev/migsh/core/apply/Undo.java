package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.plan.UndoPlan;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * The {@code undo} command: under the migration lock, runs the down sections the
 * {@link UndoPlan} chose, latest first, each deleting its history row in the same
 * transaction (after the statements, for a non-transactional down section). Before a down
 * statement drops a table or column, its data is kept in {@link Trash}.
 */
public final class Undo {

	private final EngineSettings settings;

	public Undo(EngineSettings settings) {
		this.settings = settings;
	}

	public UndoResult run(MigrationCatalog migrations, UndoRequest request, ApplyListener listener,
			Cancellation cancellation) {
		return run(migrations, request, HistoryExpectation.NONE, listener, cancellation);
	}

	public UndoResult run(MigrationCatalog migrations, UndoRequest request, HistoryExpectation expected,
			ApplyListener listener, Cancellation cancellation) {
		Timeouts timeouts = new Timeouts(request.lockTimeout().orElse(this.settings.lockTimeout()),
				request.statementTimeout().orElse(this.settings.statementTimeout()));
		Duration lockWait = request.lockWait().orElse(this.settings.lockWait());
		try (LockedSession session = LockedSession.open(this.settings, "undo", lockWait, listener::lockWaiting,
				cancellation)) {
			StatusReport status = StatusReport.of(migrations, session.readHistory());
			expected.check(status);
			UndoPlan plan = UndoPlan.of(status, request.target(), request.force());
			List<TrashEntry> kept = new ArrayList<>();
			// the drop's data goes to migsh_trash first, on the same connection and so in
			// the same transaction
			SectionRunner runner = new SectionRunner(session.connection(), cancellation, session.watch(timeouts),
					listener,
					(file, section, statement) -> kept.addAll(Trash.keep(session.connection(), file.id(), statement)));
			List<UndoneMigration> undone = new ArrayList<>();
			List<String> stillApplied = new ArrayList<>(
					status.appliedInOrder().stream().map(dev.migsh.core.plan.MigrationStatus::version).toList());
			for (int i = 0; i < plan.steps().size(); i++) {
				MigrationFile file = plan.steps().get(i).file();
				if (cancellation.isCancelled()) {
					throw new MigrationCancelledException(
							"Cancelled before undoing " + file.id() + "; " + undoneText(undone),
							"Run `status` to see what is applied.");
				}
				listener.migrationStarted(file, i + 1, plan.steps().size());
				session.lock().verify();
				kept.clear();
				stillApplied.remove(file.version().text());
				UndoneMigration result = undoOne(session, runner, file, timeouts, undone, kept, stillApplied);
				undone.add(result);
				listener.migrationUndone(result);
			}
			return new UndoResult(undone);
		}
		catch (SQLException ex) {
			throw LockedSession.failure("undo", ex);
		}
	}

	private UndoneMigration undoOne(LockedSession session, SectionRunner runner, MigrationFile file, Timeouts timeouts,
			List<UndoneMigration> before, List<TrashEntry> kept, List<String> stillApplied) throws SQLException {
		Connection connection = session.connection();
		if (file.isRepeatable()) {
			return forget(session, file);
		}
		Section down = file.down().get();
		boolean transactional = down.transactional();
		long start = System.nanoTime();
		connection.setAutoCommit(!transactional);
		try {
			session.setTimeouts(timeouts, transactional);
			runner.run(file, down, done -> {
			});
			if (transactional && session.cancellation().isCancelled()) {
				throw new StatementFailure(file, down, down.statements().size(), true, "cancelled", List.of(), null);
			}
			session.reset();
			long ms = Apply.elapsedMs(start);
			session.lock().verify();
			session.history().delete(connection, file.id());
			session.kept().removed(connection, file.id(), file.version().text(), stillApplied);
			session.audit(AuditAction.UNDO, file.id(), AuditOutcome.OK,
					"ran " + down.statements().size() + " down statements in " + ms + " ms");
			if (transactional) {
				connection.commit();
			}
			return new UndoneMigration(file.id(), Duration.ofMillis(ms), down.statements().size(), kept);
		}
		catch (StatementFailure failure) {
			session.resetQuietly();
			String state = transactional ? "its transaction was rolled back and it is still applied"
					: (failure.done() == 0 ? "no down statement ran"
							: "down statements 1-" + failure.done() + " of " + down.statements().size()
									+ " ran and stay (no transaction); the history still lists it as applied");
			if (failure.cancelled) {
				MigrationCancelledException ex = new MigrationCancelledException("Cancelled: undo of " + file.id()
						+ " stopped at down statement " + failure.index + "; " + state + "; " + undoneText(before),
						"Run `status` to see what is applied.");
				session.auditQuietly(AuditAction.UNDO, file.id(), AuditOutcome.CANCELLED, ex.getMessage(), ex);
				throw ex;
			}
			MigrationFailedException ex = failure.toException("Undo of " + file.id() + " failed: " + state + "; "
					+ undoneText(before) + ". " + (failure.serverGone() ? PostgresErrors.SERVER_GONE_HINT
							: "Fix the cause, then run `undo` again."));
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

	/**
	 * {@code undo --all} on a repeatable: its history row goes, nothing runs; apply runs
	 * it again.
	 */
	private static UndoneMigration forget(LockedSession session, MigrationFile file) throws SQLException {
		Connection connection = session.connection();
		session.lock().verify();
		connection.setAutoCommit(false);
		try {
			session.history().delete(connection, file.id());
			session.audit(AuditAction.UNDO, file.id(), AuditOutcome.OK,
					"forgot the last run of a repeatable migration; nothing ran; apply runs it again");
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
		return new UndoneMigration(file.id(), Duration.ZERO, 0, List.of());
	}

	private static String undoneText(List<UndoneMigration> undone) {
		if (undone.isEmpty()) {
			return "nothing was undone before it in this run";
		}
		return "undone before it in this run: " + String.join(", ", undone.stream().map(UndoneMigration::id).toList());
	}

}
