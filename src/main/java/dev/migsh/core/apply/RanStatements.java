package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.DdlConstraints;
import dev.migsh.core.plan.DdlObjects;
import dev.migsh.core.plan.FailedRun;

/**
 * How many statements of a failed migration ran. The history says so up to the statement
 * that failed; a statement that was running when the run was interrupted is settled by
 * the catalog: what it creates exists (or what it drops is gone), or not.
 */
final class RanStatements {

	private RanStatements() {
	}

	static int count(Connection connection, FailedRun run) throws SQLException {
		Optional<FailedRun.Step> stopped = run.stopped();
		if (stopped.isEmpty() || !run.interrupted()) {
			return run.ran();
		}
		FailedRun.Step step = stopped.get();
		Optional<Boolean> ran = ran(connection, new SqlStatement(step.sql(), 1, 1));
		if (ran.isEmpty()) {
			throw new MigshException(
					run.id() + ": statement " + step.index() + " was running when the run was interrupted, and the"
							+ " catalog cannot tell whether it completed (" + oneLine(step.sql()) + ")",
					"Check its effect by hand; complete the migration and run `mark-applied " + run.id()
							+ "`, or reverse statements 1-" + step.index() + " by hand and run `repair`.",
					ExitCode.PREFLIGHT_REFUSED, null);
		}
		return ran.get() ? step.index() : step.index() - 1;
	}

	/**
	 * True when every object the statement creates exists (or every one it destroys is
	 * gone), false when none does; empty when it names none or the catalog is mixed.
	 */
	static Optional<Boolean> ran(Connection connection, SqlStatement statement) throws SQLException {
		List<SqlStatement> one = List.of(statement);
		List<DbObject> created = new java.util.ArrayList<>(DdlObjects.created(one));
		created.addAll(DdlConstraints.created(one));
		if (!created.isEmpty()) {
			ExistingObjects.Split split = ExistingObjects.check(connection, created);
			return split.missing().isEmpty() ? Optional.of(true)
					: split.existing().isEmpty() ? Optional.of(false) : Optional.empty();
		}
		List<DbObject> destroyed = DdlObjects.destroyed(one);
		if (!destroyed.isEmpty()
				&& !statement.sql().strip().toLowerCase(java.util.Locale.ROOT).startsWith("truncate")) {
			ExistingObjects.Split split = ExistingObjects.check(connection, destroyed);
			return split.existing().isEmpty() ? Optional.of(true)
					: split.missing().isEmpty() ? Optional.of(false) : Optional.empty();
		}
		return Optional.empty();
	}

	static String oneLine(String sql) {
		String line = sql.strip().replaceAll("\\s+", " ");
		return line.length() > 80 ? line.substring(0, 77) + "..." : line;
	}

}
