package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.history.HistoryState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * The writing half of {@code adopt}: under the migration lock, in one transaction,
 * records migrations another tool applied as {@code adopted} (never running them), each
 * keeping the other tool's time and with an audit row naming where it came from.
 */
public final class RecordAdopted {

	/** One migration to record: when the other tool applied it, and its row there. */
	public record Adoption(String migrationId, Optional<Instant> appliedAt, String source) {
	}

	private final EngineSettings settings;

	public RecordAdopted(EngineSettings settings) {
		this.settings = settings;
	}

	/** Returns the ids recorded, in folder order. */
	public List<String> run(MigrationCatalog migrations, List<Adoption> adoptions, HistoryExpectation expected,
			Duration lockWait, LockWaitListener listener, Cancellation cancellation) {
		try (LockedSession session = LockedSession.open(this.settings, "adopt", lockWait, listener, cancellation)) {
			StatusReport status = StatusReport.of(migrations, session.readHistory());
			expected.check(status);
			Connection connection = session.connection();
			List<String> recorded = new ArrayList<>();
			connection.setAutoCommit(false);
			try {
				session.history().allowAdopted(connection);
				for (Adoption adoption : adoptions) {
					MigrationStatus row = status.resolve(adoption.migrationId());
					if (!row.isPending()) {
						throw new MigshException(
								"Migration " + row.id() + " is already in migsh's history; nothing was" + " adopted",
								"Run `adopt --dry-run` again to see the mapping now.", ExitCode.PREFLIGHT_REFUSED,
								null);
					}
					MigrationFile file = row.file().get();
					session.history()
						.insert(connection, file, HistoryState.ADOPTED, session.operator(), 0,
								file.up().statements().size(), null, 0);
					if (adoption.appliedAt().isPresent()) {
						session.history().backdate(connection, file.id(), adoption.appliedAt().get());
					}
					session.audit(AuditAction.ADOPT, file.id(), AuditOutcome.OK,
							"adopted without running: " + adoption.source());
					recorded.add(file.id());
				}
				connection.commit();
			}
			finally {
				session.resetQuietly();
			}
			return recorded;
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("adopt failed; nothing was recorded", ex, "Run `status` to see the history.");
		}
	}

}
