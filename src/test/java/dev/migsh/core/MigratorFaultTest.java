package dev.migsh.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.MigrationCancelledException;
import dev.migsh.core.apply.MigrationLock;
import dev.migsh.core.apply.LockHolder;
import dev.migsh.core.apply.LockLostException;
import dev.migsh.core.apply.LockWaitListener;
import dev.migsh.core.apply.MigrationLockedException;
import dev.migsh.core.history.AuditEntry;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

@ExtendWith(FreshDatabase.class)
class MigratorFaultTest {

	private static final String ADVISORY_LOCKS = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
			+ " AND classid::bigint = " + Integer.toUnsignedLong(MigrationLock.CLASS_ID);

	@TempDir
	Path dir;

	@Test
	void twoConcurrentAppliesRunEachMigrationOnceAndTheLoserIsToldWhoHoldsTheLock(TestDatabase db) throws Exception {
		MigrationFolder folder = new MigrationFolder(this.dir);
		for (int i = 1; i <= 5; i++) {
			folder.write("00" + i + "-m" + i + ".sql",
					"-- migrate:up\nCREATE TABLE m" + i + " (id int);\nSELECT pg_sleep(0.3);\n");
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<ApplyResult>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Migrator migrator = new Migrator(db.dataSource(), folder.config().withLockWait(Duration.ZERO));
				runs.add(pool.submit(() -> {
					start.await();
					return migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
				}));
			}
			start.countDown();
			List<ApplyResult> won = new ArrayList<>();
			List<MigrationLockedException> lost = new ArrayList<>();
			for (Future<ApplyResult> run : runs) {
				try {
					won.add(run.get(60, TimeUnit.SECONDS));
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(MigrationLockedException.class);
					lost.add((MigrationLockedException) ex.getCause());
				}
			}
			assertThat(won).singleElement().satisfies(r -> assertThat(r.applied()).hasSize(5));
			assertThat(lost).singleElement().satisfies(e -> {
				assertThat(e.exitCode()).isEqualTo(ExitCode.LOCK_BUSY);
				assertThat(e.holder()).hasValueSatisfying(holder -> {
					assertThat(e.getMessage()).contains("pid " + holder.pid());
					assertThat(holder.application()).startsWith("migsh:tester@testhost:apply");
				});
			});
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(db.jdbc()
			.queryForObject("SELECT count(DISTINCT migration_id) || '/' || count(*) FROM migsh.history", String.class))
			.isEqualTo("5/5");
		assertThat(db.jdbc().queryForObject(ADVISORY_LOCKS, Integer.class)).isZero();
	}

	@Test
	void cancellingDuringAStatementRollsBackReleasesTheLockAndAudits(TestDatabase db) throws Exception {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-first.sql", "-- migrate:up\nCREATE TABLE first (id int);\n")
			.write("002-slow.sql", "-- migrate:up\nCREATE TABLE slow (id int);\nSELECT pg_sleep(30);\n");
		Migrator migrator = folder.migrator(db);
		Cancellation cancellation = new Cancellation();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			long started = System.nanoTime();
			Future<ApplyResult> run = pool
				.submit(() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, cancellation));
			waitForQuery(db.jdbc(), db.name(), "SELECT pg_sleep(30)");
			cancellation.cancel();
			try {
				run.get(20, TimeUnit.SECONDS);
				fail("apply was not cancelled");
			}
			catch (java.util.concurrent.ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOfSatisfying(MigrationCancelledException.class,
						e -> assertThat(e.getMessage()).contains("002-slow was rolled back", "statement 2 of 2",
								"applied before it in this run: 001-first"));
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(25));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('slow') IS NULL", Boolean.class)).isTrue();
		assertThat(migrator.appliedIds()).containsExactly("001-first");
		assertThat(db.jdbc().queryForObject(ADVISORY_LOCKS, Integer.class)).isZero();
		List<AuditEntry> audit = migrator.history(Optional.empty());
		assertThat(audit.get(audit.size() - 1)).satisfies(entry -> {
			assertThat(entry.outcome()).isEqualTo(AuditOutcome.CANCELLED);
			assertThat(entry.migrationId()).contains("002-slow");
		});
	}

	@Test
	void aKilledClientLeavesNoHistoryRowNoTableAndNoLock(TestDatabase db) throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(dev.migsh.testing.TestPostgres.major() >= 14,
				"PostgreSQL 13 has no client_connection_check_interval: a killed client's lock is released only"
						+ " when its running statement ends, not at once");
		new MigrationFolder(this.dir).write("001-long.sql",
				"-- migrate:up\nCREATE TABLE doomed (id int);\nSELECT pg_sleep(30);\n");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				KillTarget.class.getName(), db.jdbcUrl(), this.dir.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			waitForQuery(db.jdbc(), db.name(), "SELECT pg_sleep(30)");
			assertThat(db.jdbc().queryForObject(ADVISORY_LOCKS, Integer.class)).isEqualTo(1);
		}
		finally {
			child.destroyForcibly();
			child.waitFor(10, TimeUnit.SECONDS);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (db.jdbc().queryForObject(ADVISORY_LOCKS, Integer.class) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(db.jdbc().queryForObject(ADVISORY_LOCKS, Integer.class)).as("advisory lock after the kill").isZero();
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('doomed') IS NULL", Boolean.class)).isTrue();
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.history", Integer.class)).isZero();
		assertThat(new MigrationFolder(this.dir).migrator(db).pendingIds()).containsExactly("001-long");
	}

	@Test
	void aWaiterIsToldWhoHoldsTheLockThenGivesUp(TestDatabase db) throws Exception {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-a.sql", "-- migrate:up\nSELECT 1;\n");
		Migrator migrator = new Migrator(db.dataSource(), folder.config().withLockWait(Duration.ofMillis(900)));
		List<LockHolder> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		ApplyListener listener = new ApplyListener() {
			@Override
			public void lockWaiting(LockHolder holder, Duration waited, Duration limit) {
				seen.add(holder);
			}
		};
		try (var other = db.dataSource().getConnection();
				var lock = MigrationLock.acquire(other, "migsh.history", Duration.ZERO, LockWaitListener.none(),
						Cancellation.none())) {
			int otherPid = db.jdbc()
				.queryForObject("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted", Integer.class);
			assertThatThrownBy(() -> migrator.apply(ApplyRequest.all(), listener, Cancellation.none()))
				.isInstanceOfSatisfying(MigrationLockedException.class,
						e -> assertThat(e.getMessage()).contains("pid " + otherPid, "waited"));
			assertThat(seen).hasSizeGreaterThanOrEqualTo(3).allSatisfy(h -> assertThat(h.pid()).isEqualTo(otherPid));
		}
		assertThat(migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()).applied()).hasSize(1);
	}

	@Test
	void stopsWhenTheLockSessionIsTerminatedAndSaysTheServerEndedIt(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n")
			.write("002-b.sql", "-- migrate:up\nCREATE TABLE b (id int);\n");
		Migrator migrator = folder.migrator(db);
		ApplyListener killer = new ApplyListener() {
			@Override
			public void migrationFinished(dev.migsh.core.apply.MigrationResult result) {
				db.jdbc()
					.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
							+ " WHERE application_name LIKE 'migsh:%' AND datname = current_database()");
			}
		};

		// the server says why the session ended (57P01): that is what the user sees, with
		// the
		// hint for a server problem; the lock went with the session, so nothing more runs
		assertThatThrownBy(() -> migrator.apply(ApplyRequest.all(), killer, Cancellation.none()))
			.isInstanceOfSatisfying(dev.migsh.core.apply.MigrationFailedException.class, e -> {
				assertThat(e.sqlState()).hasValue("57P01");
				assertThat(e.hint()).contains("check the server, then run `status`");
			});
		assertThat(migrator.appliedIds()).containsExactly("001-a");
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('b') IS NULL", Boolean.class)).isTrue();
	}

	private static void waitForQuery(JdbcTemplate jdbc, String database, String query) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Integer running = jdbc.queryForObject(
					"SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND query = ? AND state = 'active'",
					Integer.class, database, query);
			if (running != null && running > 0) {
				return;
			}
			Thread.sleep(100);
		}
		fail("'" + query + "' never showed in pg_stat_activity");
	}

}
