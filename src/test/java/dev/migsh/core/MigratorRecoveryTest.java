package dev.migsh.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.MigrationFailedException;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.ResumeChange;
import dev.migsh.core.change.RevertChange;
import dev.migsh.core.plan.FailedRun;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Recovery from a failed or interrupted non-transactional migration: the history names
 * the statement that was running before it runs, so it never lags the database, and the
 * ways out settle an interrupted statement from the catalog.
 */
@ExtendWith(FreshDatabase.class)
class MigratorRecoveryTest {

	// statement 2 sleeps only in the child JVM that gets killed
	private static final String KILLED = """
			-- migrate:up transaction:false
			CREATE TABLE k1 (id int);
			CREATE TABLE k2 AS SELECT 1 AS id FROM pg_sleep(CASE WHEN current_setting('application_name')
				LIKE '%killed%' THEN 30 ELSE 0 END);
			CREATE TABLE k3 (id int);
			-- migrate:down transaction:false
			DROP TABLE k3;
			DROP TABLE k2;
			DROP TABLE k1;
			""";

	@TempDir
	Path dir;

	@Test
	void aKilledNonTransactionalRunNamesTheRunningStatementAndResumeSettlesItFromTheCatalog(TestDatabase db)
			throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(dev.migsh.testing.TestPostgres.major() >= 14,
				"PostgreSQL 13 has no client_connection_check_interval: a killed client's statement runs on to its"
						+ " end instead of stopping at once");
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-kill.sql", KILLED);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				KillTarget.class.getName(), db.jdbcUrl(), this.dir.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			waitFor(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
					+ " AND query LIKE 'CREATE TABLE k2%' AND state = 'active'");
		}
		finally {
			child.destroyForcibly();
			child.waitFor(10, TimeUnit.SECONDS);
		}
		waitFor(db, "SELECT count(*) = 0 FROM pg_stat_activity WHERE datname = current_database()"
				+ " AND query LIKE 'CREATE TABLE k2%' AND state = 'active'");

		assertThat(db.jdbc()
			.queryForObject("SELECT statements_done || '/' || failed_statement || ' ' || error FROM migsh.history",
					String.class))
			.isEqualTo("1/2 " + FailedRun.INTERRUPTED + "2");
		Migrator migrator = folder.migrator(db);
		MigrationStatus row = migrator.status().find("001-kill").get();
		assertThat(row.state()).isEqualTo(MigrationState.FAILED);
		FailedRun run = FailedRun.of(row.applied().get(), row.file()).get();
		assertThat(run.steps()).extracting(FailedRun.Step::outcome)
			.containsExactly(FailedRun.Outcome.RAN, FailedRun.Outcome.INTERRUPTED, FailedRun.Outcome.NOT_RUN);
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('k1') IS NOT NULL", Boolean.class)).isTrue();

		var request = ResumeChange.Request.of("001-kill");
		var proposal = migrator.proposeResume(request);
		migrator.resume(proposal, request, Confirmations.all(proposal), ApplyListener.NONE, Cancellation.none());

		assertThat(migrator.status().find("001-kill").get().state()).isEqualTo(MigrationState.APPLIED);
		assertThat(db.jdbc()
			.queryForObject("SELECT to_regclass('k2') IS NOT NULL AND to_regclass('k3') IS NOT NULL", Boolean.class))
			.isTrue();
	}

	@Test
	void killsAtRandomMomentsNeverLeaveTheHistoryClaimingFewerStatementsThanRan(TestDatabase db) throws Exception {
		StringBuilder up = new StringBuilder("-- migrate:up transaction:false\n");
		for (int i = 1; i <= 6; i++) {
			up.append("CREATE TABLE r").append(i).append(" AS SELECT 1 AS id FROM pg_sleep(0.15);\n");
		}
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-r.sql", up.toString());
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		java.util.Random random = new java.util.Random(42);
		int trials = 6;
		for (int trial = 0; trial < trials; trial++) {
			db.jdbc().execute("DROP SCHEMA IF EXISTS migsh CASCADE");
			for (int i = 1; i <= 6; i++) {
				db.jdbc().execute("DROP TABLE IF EXISTS r" + i);
			}
			Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
					KillTarget.class.getName(), db.jdbcUrl(), this.dir.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			waitFor(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
					+ " AND query LIKE 'CREATE TABLE r%' AND state = 'active'");
			Thread.sleep(random.nextInt(900));
			child.destroyForcibly();
			child.waitFor(10, TimeUnit.SECONDS);
			waitFor(db, "SELECT count(*) = 0 FROM pg_stat_activity WHERE datname = current_database()"
					+ " AND application_name LIKE 'migsh:killed%'");
			int exist = db.jdbc()
				.queryForObject(
						"SELECT count(*) FROM generate_series(1, 6) n" + " WHERE to_regclass('r' || n) IS NOT NULL",
						Integer.class);
			var row = db.jdbc()
				.queryForMap("SELECT state, statements_done, failed_statement, error FROM migsh.history");
			if ("applied".equals(row.get("state"))) {
				assertThat(exist).as("trial %d: applied", trial).isEqualTo(6);
				continue;
			}
			int done = (Integer) row.get("statements_done");
			int running = (Integer) row.get("failed_statement");
			assertThat(row.get("error")).as("trial %d", trial).isEqualTo(FailedRun.INTERRUPTED + running);
			assertThat(running).as("trial %d: the running statement follows those done", trial).isEqualTo(done + 1);
			assertThat(exist)
				.as("trial %d: the database has what the row says ran, at most the running one more", trial)
				.isBetween(done, running);
		}
	}

	@Test
	void aStatementThatCompletedBeforeItsProgressWasWrittenIsFoundInTheCatalog(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-kill.sql", KILLED);
		Migrator migrator = folder.migrator(db);
		migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
		// what a crash right after statement 2 completed leaves: the row still names it
		db.jdbc().execute("DROP TABLE k3");
		db.jdbc()
			.update("UPDATE migsh.history SET state = 'failed', statements_done = 1, failed_statement = 2, error = ?",
					FailedRun.INTERRUPTED + "2");

		var request = RevertChange.Request.of("001-kill");
		var proposal = migrator.proposeRevert(request);
		assertThat(proposal.lines().get(0)).contains("statements 1-1 of 3 ran", "statement 2 was interrupted");
		migrator.revert(proposal, request, Confirmations.all(proposal), ApplyListener.NONE, Cancellation.none());

		assertThat(db.jdbc()
			.queryForObject("SELECT to_regclass('k1') IS NULL AND to_regclass('k2') IS NULL", Boolean.class))
			.as("both statements that ran are reverted")
			.isTrue();
		assertThat(migrator.status().find("001-kill").get().state()).isEqualTo(MigrationState.PENDING);
	}

	@Test
	void anInterruptedStatementTheCatalogCannotSettleIsRefusedNamingIt(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-u.sql", """
				-- migrate:up transaction:false
				CREATE TABLE u (id int);
				UPDATE u SET id = 2;
				CREATE TABLE u2 (id int);
				-- migrate:down transaction:false
				DROP TABLE u2;
				UPDATE u SET id = 1;
				DROP TABLE u;
				""");
		Migrator migrator = folder.migrator(db);
		migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
		db.jdbc().execute("DROP TABLE u2");
		db.jdbc()
			.update("UPDATE migsh.history SET state = 'failed', statements_done = 1, failed_statement = 2, error = ?",
					FailedRun.INTERRUPTED + "2");
		var request = ResumeChange.Request.of("001-u");
		var proposal = migrator.proposeResume(request);

		assertThatThrownBy(() -> migrator.resume(proposal, request, Confirmations.all(proposal), ApplyListener.NONE,
				Cancellation.none()))
			.isInstanceOfSatisfying(MigshException.class, e -> {
				assertThat(e.getMessage()).contains("statement 2 was running", "cannot tell whether it completed",
						"UPDATE u SET id = 2");
				assertThat(e.hint()).contains("`mark-applied 001-u`");
				assertThat(e.exitCode()).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			});
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('u2') IS NULL", Boolean.class)).isTrue();
	}

	@Test
	void aTransactionalDownThatFailsWhileRevertingKeepsEverythingAndTheFailedRow(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-v.sql", """
				-- migrate:up transaction:false
				CREATE TABLE v1 (id int);
				CREATE TABLE v2 (id int);
				CREATE TABLE v3 (id int);
				-- migrate:down
				DROP TABLE v3;
				DROP TABLE v2;
				DROP TABLE no_such_table;
				""");
		Migrator migrator = folder.migrator(db);
		migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
		db.jdbc().execute("DROP TABLE v3");
		db.jdbc()
			.update("UPDATE migsh.history SET state = 'failed', statements_done = 2, failed_statement = 3,"
					+ " error = 'boom'");
		var request = RevertChange.Request.of("001-v");
		var proposal = migrator.proposeRevert(request);

		assertThatThrownBy(() -> migrator.revert(proposal, request, Confirmations.all(proposal), ApplyListener.NONE,
				Cancellation.none()))
			.isInstanceOfSatisfying(MigrationFailedException.class,
					e -> assertThat(e.getMessage()).contains("no_such_table"));

		assertThat(db.jdbc()
			.queryForObject("SELECT to_regclass('v1') IS NOT NULL AND to_regclass('v2') IS NOT NULL", Boolean.class))
			.as("the down transaction was rolled back")
			.isTrue();
		assertThat(migrator.status().find("001-v").get().state()).isEqualTo(MigrationState.FAILED);
	}

	@Test
	void everyStatementOfARunningMigrationIsNamedInTheHistoryBeforeItRuns(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-probe.sql", """
				-- migrate:up transaction:false
				CREATE TABLE seen AS SELECT statements_done, failed_statement, error FROM migsh.history;
				INSERT INTO seen SELECT statements_done, failed_statement, error FROM migsh.history;
				INSERT INTO seen SELECT statements_done, failed_statement, error FROM migsh.history;
				""");
		folder.migrator(db).apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());

		assertThat(db.jdbc()
			.queryForList("SELECT statements_done || '/' || failed_statement || ' ' || error FROM seen", String.class))
			.containsExactly("0/1 " + FailedRun.INTERRUPTED + "1", "1/2 " + FailedRun.INTERRUPTED + "2",
					"2/3 " + FailedRun.INTERRUPTED + "3");
	}

	@Test
	void aConnectionLostMidStatementSaysToCheckTheServerNotTheStatement(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-t.sql", """
				-- migrate:up
				SELECT pg_terminate_backend(pg_backend_pid());
				""");
		assertThatThrownBy(() -> folder.migrator(db).apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOfSatisfying(MigrationFailedException.class, e -> {
				assertThat(e.sqlState()).hasValueSatisfying(s -> assertThat(s).matches("57P01|08.*"));
				assertThat(e.hint()).contains("check the server, then run `status`")
					.doesNotContain("Fix the statement");
			});
		assertThat(db.jdbc()
			.queryForList("SELECT outcome || ' ' || detail FROM migsh.audit WHERE migration_id = '001-t'",
					String.class))
			.as("the failure is audited although its session died")
			.singleElement()
			.satisfies(row -> assertThat(row).startsWith("failed ").contains("statement 1 of 1"));
	}

	private static void waitFor(TestDatabase db, String condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Object value = db.jdbc().queryForObject(condition, Object.class);
			if (Boolean.TRUE.equals(value) || (value instanceof Number n && n.longValue() > 0)) {
				return;
			}
			Thread.sleep(100);
		}
		fail("never true: " + condition);
	}

}
