package dev.migsh.core.apply;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.HistoryState;
import dev.migsh.core.plan.FailedRun;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.StatusReport;

/**
 * {@code apply --resume ID}: runs a failed non-transactional migration on from the
 * statement that failed, once the file fixes it. The statements that ran must be in the
 * file unchanged; the row ends applied, with the file's text recorded as accepted.
 */
public final class Resume {

	/**
	 * A failed migration that can run on: its file, its row, what ran, and the first
	 * statement to run ({@code from}, 1-based; past the end when only the record is
	 * left).
	 */
	public record Point(MigrationFile file, AppliedMigration row, FailedRun run, int from) {

		public List<SqlStatement> toRun() {
			List<SqlStatement> all = this.file.up().statements();
			return all.subList(Math.min(this.from - 1, all.size()), all.size());
		}

	}

	private final EngineSettings settings;

	public Resume(EngineSettings settings) {
		this.settings = settings;
	}

	/**
	 * Where {@code id} would resume, from the history alone; an interrupted statement is
	 * taken as not run here and settled by the catalog under the lock.
	 */
	public static Point check(StatusReport status, String id) {
		MigrationStatus row = status.resolve(id);
		AppliedMigration applied = row.applied().orElse(null);
		if (applied == null || applied.state() != HistoryState.FAILED) {
			throw refused("Migration " + row.id() + " has not failed (" + row.state().name().toLowerCase() + ")",
					"`apply --resume` continues a failed migration; `status` shows the failed ones.");
		}
		if (row.file().isEmpty()) {
			throw refused("Migration " + row.id() + " failed but its file is gone", "Restore the file first.");
		}
		MigrationFile file = row.file().get();
		if (file.up().transactional()) {
			throw refused("Migration " + row.id() + " runs in a transaction, so nothing of it stayed to resume from",
					"Run `repair` to clear the failed row, then `apply`.");
		}
		FailedRun run = FailedRun.of(applied, row.file()).get();
		return at(file, applied, run, run.ran());
	}

	/**
	 * The point after {@code ran} statements, once they are found unchanged in the file.
	 */
	static Point at(MigrationFile file, AppliedMigration row, FailedRun run, int ran) {
		List<SqlStatement> recorded = FailedRun.recorded(row);
		List<SqlStatement> now = file.up().statements();
		for (int i = 0; i < ran; i++) {
			String was = i < recorded.size() ? recorded.get(i).sql() : "";
			String is = i < now.size() ? now.get(i).sql() : "(missing)";
			if (!normal(was).equals(normal(is))) {
				throw refused(
						file.id() + ": statement " + (i + 1) + " ran as `" + RanStatements.oneLine(was)
								+ "`, but the file now has `" + RanStatements.oneLine(is) + "`",
						"The statements that ran (1-" + ran + ") must stay as they ran; edit only statement "
								+ (ran + 1) + " and after, then run `apply --resume " + file.id() + "` again.");
			}
		}
		return new Point(file, row, run, ran + 1);
	}

	public ApplyResult run(MigrationCatalog migrations, String id, HistoryExpectation expected, Duration lockWait,
			ApplyListener listener, Cancellation cancellation) {
		try (LockedSession session = LockedSession.open(this.settings, "apply", lockWait, listener::lockWaiting,
				cancellation)) {
			StatusReport status = StatusReport.of(migrations, session.readHistory());
			expected.check(status);
			Point point = check(status, id);
			point = at(point.file(), point.row(), point.run(), RanStatements.count(session.connection(), point.run()));
			Timeouts timeouts = new Timeouts(this.settings.lockTimeout(), this.settings.statementTimeout());
			SectionRunner runner = new SectionRunner(session.connection(), cancellation, session.watch(timeouts),
					listener);
			listener.migrationStarted(point.file(), 1, 1);
			MigrationResult result = new Apply(this.settings).nonTransactional(session, runner, point.file(), timeouts,
					List.of(), point.row(), point.from());
			listener.migrationFinished(result);
			return new ApplyResult(List.of(result), java.util.Optional.empty());
		}
		catch (SQLException ex) {
			throw LockedSession.failure("apply --resume", ex);
		}
	}

	private static String normal(String sql) {
		return sql.strip().replaceAll("\\s+", " ");
	}

	private static MigshException refused(String message, String hint) {
		return new MigshException(message, hint, ExitCode.PREFLIGHT_REFUSED, null);
	}

}
