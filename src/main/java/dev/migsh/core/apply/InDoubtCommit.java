package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import dev.migsh.core.MigshException;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * The connection was lost after COMMIT was sent: whether the migration committed is in
 * doubt. Once the old session is gone from the server (it commits or rolls back before it
 * goes), a new connection reads the history row and says which.
 */
final class InDoubtCommit {

	private static final String SESSION_ALIVE = "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE pid = ?";

	static final Duration WAIT = Duration.ofSeconds(15);

	private InDoubtCommit() {
	}

	/** The user-facing outcome: always an exception, since the run stops here. */
	static MigshException resolve(EngineSettings settings, int pid, String id, SQLException lost) {
		Optional<AppliedMigration> row;
		try (Connection connection = settings.dataSource().getConnection()) {
			waitUntilGone(connection, pid);
			row = settings.history().read(connection).stream().filter(r -> r.id().equals(id)).findFirst();
		}
		catch (SQLException | InterruptedException ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return new MigshException("The connection was lost while committing " + id
					+ ", and the history could not be read to tell" + " whether it committed (" + ex.getMessage() + ")",
					PostgresErrors.SERVER_GONE_HINT, lost);
		}
		if (row.isPresent() && row.get().isApplied()) {
			return new MigshException(
					"The connection was lost while committing " + id
							+ "; the server did commit it: the history shows it applied. The run stopped there.",
					"Run `status`, then `apply` for what is still pending.", lost);
		}
		return new MigshException(
				"The connection was lost while committing " + id
						+ "; the server did not commit it: nothing of it was kept and it is still pending.",
				PostgresErrors.SERVER_GONE_HINT, lost);
	}

	private static void waitUntilGone(Connection connection, int pid) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		try (PreparedStatement ps = connection.prepareStatement(SESSION_ALIVE)) {
			ps.setInt(1, pid);
			while (System.nanoTime() < deadline) {
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					if (rs.getLong(1) == 0) {
						return;
					}
				}
				Thread.sleep(100);
			}
		}
	}

}
