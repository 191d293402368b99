package dev.migsh.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Blocker;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.LockRetries;
import dev.migsh.core.apply.MigrationFailedException;
import dev.migsh.core.apply.MigrationResult;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditEntry;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 item 6: a statement failing on lock_timeout is retried with backoff, the
 * blockers named at each attempt; a transactional migration runs again as a whole, a
 * non-transactional one runs only the failed statement again; 0 retries fails at once.
 */
@ExtendWith(FreshDatabase.class)
class LockRetriesTest {

	@TempDir
	Path dir;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	/** Records each retry the engine announces. */
	private static final class Retries implements ApplyListener {

		final List<List<Blocker>> blockers = new CopyOnWriteArrayList<>();

		@Override
		public void lockRetry(MigrationFile migration, int attempt, int attempts, List<Blocker> found, Duration pause) {
			assertThat(attempts).isEqualTo(6);
			assertThat(pause).isLessThanOrEqualTo(Duration.ofSeconds(10));
			this.blockers.add(found);
		}

	}

	private Migrator setUp(TestDatabase db, String second) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-t.sql",
				"-- migrate:up\nCREATE TABLE t (id int);\nCREATE TABLE runs (n int);\n");
		Migrator migrator = folder.migrator(db);
		migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
		folder.write("002-alter.sql", second);
		return migrator;
	}

	/**
	 * Locks t from another session and releases it after {@code hold}; returns the pid.
	 */
	private int holdLock(Connection blocker, Duration hold) throws Exception {
		blocker.setAutoCommit(false);
		int pid;
		try (Statement st = blocker.createStatement()) {
			ResultSet rs = st.executeQuery("SELECT pg_backend_pid()");
			rs.next();
			pid = rs.getInt(1);
			st.execute("LOCK TABLE t");
		}
		this.timer.schedule(() -> {
			blocker.rollback();
			return null;
		}, hold.toMillis(), TimeUnit.MILLISECONDS);
		return pid;
	}

	@Test
	void aTransactionalMigrationSucceedsOnALaterAttemptOnceTheLockIsFree(TestDatabase db) throws Exception {
		Migrator migrator = setUp(db, "-- migrate:up\nINSERT INTO runs VALUES (1);\nALTER TABLE t ADD COLUMN x int;\n");
		Retries listener = new Retries();
		try (Connection blocker = db.dataSource().getConnection()) {
			int pid = holdLock(blocker, Duration.ofSeconds(3));
			ApplyRequest request = ApplyRequest.all()
				.withTimeouts(Duration.ofSeconds(1), Duration.ZERO)
				.withLockRetries(new LockRetries(5));
			ApplyResult result = migrator.apply(request, listener, Cancellation.none());

			MigrationResult applied = result.applied().get(0);
			assertThat(applied.attempts()).isBetween(2, 6);
			assertThat(applied.lockWaited()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
			assertThat(applied.attemptsText()).startsWith("after " + applied.attempts() + " attempts");
			assertThat(listener.blockers).hasSize(applied.attempts() - 1);
			assertThat(listener.blockers.get(0)).extracting(Blocker::pid).contains(pid);
		}
		// the rolled-back attempts left nothing: the insert of the whole migration ran
		// once
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM runs", Integer.class)).isEqualTo(1);
		assertThat(migrator.pendingIds()).isEmpty();
		List<AuditEntry> audit = migrator.history(Optional.empty())
			.stream()
			.filter(e -> e.migrationId().equals(Optional.of("002-alter")))
			.toList();
		assertThat(audit).extracting(AuditEntry::outcome).containsExactly(AuditOutcome.OK);
		assertThat(audit.get(0).action()).isEqualTo(AuditAction.APPLY);
		assertThat(audit.get(0).detail()).contains("attempts", "waiting for locks");
	}

	@Test
	void aNonTransactionalMigrationRunsOnlyTheFailedStatementAgain(TestDatabase db) throws Exception {
		Migrator migrator = setUp(db, "-- migrate:up transaction:false\nINSERT INTO runs VALUES (1);\n"
				+ "ALTER TABLE t ADD COLUMN x int;\nINSERT INTO runs VALUES (2);\n");
		Retries listener = new Retries();
		try (Connection blocker = db.dataSource().getConnection()) {
			holdLock(blocker, Duration.ofSeconds(3));
			ApplyRequest request = ApplyRequest.all()
				.withTimeouts(Duration.ofSeconds(1), Duration.ZERO)
				.withLockRetries(new LockRetries(5));
			MigrationResult applied = migrator.apply(request, listener, Cancellation.none()).applied().get(0);
			assertThat(applied.attempts()).isGreaterThan(1);
			assertThat(listener.blockers).isNotEmpty();
		}
		assertThat(db.jdbc().queryForList("SELECT n FROM runs ORDER BY n", Integer.class)).containsExactly(1, 2);
		assertThat(db.jdbc()
			.queryForObject(
					"SELECT count(*) FROM information_schema.columns" + " WHERE table_name = 't' AND column_name = 'x'",
					Integer.class))
			.isEqualTo(1);
		assertThat(migrator.pendingIds()).isEmpty();
		assertThat(migrator.history(Optional.empty())).extracting(AuditEntry::outcome)
			.doesNotContain(AuditOutcome.FAILED);
	}

	@Test
	void withNoRetriesItFailsAtOnceNamingTheBlocker(TestDatabase db) throws Exception {
		Migrator migrator = setUp(db, "-- migrate:up\nALTER TABLE t ADD COLUMN x int;\n");
		Retries listener = new Retries();
		try (Connection blocker = db.dataSource().getConnection()) {
			int pid = holdLock(blocker, Duration.ofSeconds(3));
			long start = System.nanoTime();
			ApplyRequest request = ApplyRequest.all()
				.withTimeouts(Duration.ofSeconds(1), Duration.ZERO)
				.withLockRetries(LockRetries.NONE);
			assertThatThrownBy(() -> migrator.apply(request, listener, Cancellation.none()))
				.isInstanceOfSatisfying(MigrationFailedException.class, e -> {
					assertThat(e.sqlState()).contains("55P03");
					assertThat(e.getMessage()).contains("Blocked by pid " + pid).doesNotContain("attempts");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		}
		assertThat(listener.blockers).isEmpty();
		assertThat(migrator.pendingIds()).containsExactly("002-alter");
	}

	@Test
	void retriesThatRunOutSayHowManyAttemptsFailed(TestDatabase db) throws Exception {
		Migrator migrator = setUp(db, "-- migrate:up\nALTER TABLE t ADD COLUMN x int;\n");
		try (Connection blocker = db.dataSource().getConnection()) {
			int pid = holdLock(blocker, Duration.ofSeconds(30));
			ApplyRequest request = ApplyRequest.all()
				.withTimeouts(Duration.ofMillis(600), Duration.ZERO)
				.withLockRetries(new LockRetries(1));
			assertThatThrownBy(() -> migrator.apply(request, ApplyListener.NONE, Cancellation.none()))
				.isInstanceOfSatisfying(MigrationFailedException.class, e -> {
					assertThat(e.sqlState()).contains("55P03");
					assertThat(e.getMessage()).contains("on each of 2 attempts", "Blocked by pid " + pid);
				});
			blocker.rollback();
		}
		assertThat(migrator.history(Optional.empty())).extracting(AuditEntry::outcome)
			.containsOnlyOnce(AuditOutcome.FAILED);
	}

	@Test
	void pausesGrowAndStayJitteredWithinTheCap() {
		LockRetries retries = new LockRetries(8, Duration.ofMillis(100), Duration.ofMillis(800));
		for (int i = 0; i < 50; i++) {
			assertThat(retries.pause(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
			assertThat(retries.pause(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
			assertThat(retries.pause(8)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
		}
	}

}
