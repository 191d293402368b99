package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.core.apply.MigrationLock;
import dev.migsh.core.history.HistoryTable;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one path every change takes, from the shell as a user drives it: the lock is waited
 * for (never a refusal), verification is not a prompt, repair keeps what ran, and every
 * way back migsh prints runs as printed.
 */
@ExtendWith(FreshDatabase.class)
class ChangePathTest {

	@TempDir
	Path dir;

	private Path migrations;

	private ShellHarness shell(TestDatabase db) throws Exception {
		this.migrations = Files.createDirectories(this.dir.resolve("migrations"));
		return new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir);
	}

	private void write(String file, String content) throws Exception {
		Files.writeString(this.migrations.resolve(file), content);
	}

	private void table(String version, String name) throws Exception {
		write(version + "-" + name + ".sql",
				"""
						-- migrate:up
						CREATE TABLE %1$s (id bigint PRIMARY KEY, note text CONSTRAINT %1$s_note_short CHECK (length(note) < 100));
						CREATE INDEX %1$s_note ON %1$s (note);
						-- migrate:down
						DROP TABLE %1$s;
						"""
					.formatted(name));
	}

	/** Holds the migration lock on its own connection, as another migsh would. */
	private static Connection holdLock(TestDatabase db) throws Exception {
		Connection other = db.dataSource().getConnection();
		try (PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
			ps.setInt(1, MigrationLock.CLASS_ID);
			ps.setInt(2, MigrationLock.objectId(new HistoryTable("migsh").qualifiedName()));
			ps.execute();
		}
		return other;
	}

	/** Ends the other session, and so its lock, 1.5 s from now. */
	private static Thread releaseLater(Connection other) {
		Thread release = new Thread(() -> {
			try {
				Thread.sleep(1500);
				other.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		release.start();
		return release;
	}

	@Test
	void applyWaitsForTheLockNamingTheHolderAndRunsOnceItIsFree(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			table("001", "a");
			Connection other = holdLock(db);
			Thread release = releaseLater(other);

			ExitCode code = shell.run("apply --lock-wait 20s");

			release.join();
			assertThat(code).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern("⚠ migration lock\\s+held by pid \\d+")
				.contains("Waiting for the migration lock, held by pid")
				.contains("Applied 1 migration.");
		}
	}

	@Test
	void aFailedRowSeenWhileAnotherSessionHeldTheLockIsDecidedUnderTheLockAndStillRefuses(TestDatabase db)
			throws Exception {
		try (ShellHarness shell = shell(db)) {
			write("001-b.sql", """
					-- migrate:up transaction:false
					CREATE TABLE b (id int);
					SELECT 1 / 0;
					-- migrate:down
					DROP TABLE b;
					""");
			assertThat(shell.run("apply --yes")).as(shell.out()).isEqualTo(ExitCode.FAILED);
			Connection other = holdLock(db);
			Thread release = releaseLater(other);

			ExitCode code = shell.run("apply --yes --lock-wait 20s");

			release.join();
			// while the lock was held the failed row may have been a run in progress: the
			// refusal waits for the lock, and stands once nothing moved
			assertThat(code).as(shell.out() + shell.err()).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.out()).contains("decided again once the lock is free");
			assertThat(shell.out() + shell.err()).contains("001-b");
			assertThat(db.jdbc()
				.queryForObject("SELECT state FROM migsh.history WHERE migration_id = '001-b'", String.class))
				.isEqualTo("failed");
		}
	}

	@Test
	void applyGivesUpWithExitCode4WhenTheLockStaysHeld(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db); Connection other = holdLock(db)) {
			table("001", "a");

			ExitCode code = shell.run("apply --lock-wait 1s");

			assertThat(code).as(shell.out() + shell.err()).isEqualTo(ExitCode.LOCK_BUSY);
			assertThat(db.jdbc().queryForObject("SELECT to_regclass('public.a') IS NULL", Boolean.class)).isTrue();
		}
	}

	@Test
	void threeAppliesStartedTogetherAllSucceedAndEachMigrationRunsOnce(TestDatabase db) throws Exception {
		this.migrations = Files.createDirectories(this.dir.resolve("migrations"));
		for (int i = 10; i < 30; i++) {
			table("0" + i, "t" + i);
		}
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<ExitCode>> runs = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				runs.add(pool.submit(() -> {
					try (ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir)) {
						ExitCode code = shell.run("apply --lock-wait 30s");
						if (code != ExitCode.OK) {
							System.out.println(shell.out() + shell.err());
						}
						return code;
					}
				}));
			}
			for (Future<ExitCode> run : runs) {
				assertThat(run.get()).isEqualTo(ExitCode.OK);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.history", Long.class)).isEqualTo(20);
		assertThat(db.jdbc()
			.queryForObject("SELECT count(*) FROM migsh.audit WHERE action = 'apply' AND outcome = 'ok'", Long.class))
			.isEqualTo(20);
	}

	@Test
	void markAppliedWithYesStillRefusesWhenAnIndexOrCheckIsMissing(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			table("001", "a");
			db.jdbc().execute("CREATE TABLE a (id bigint PRIMARY KEY, note text)");

			ExitCode code = shell.run("mark-applied 001 --yes");

			assertThat(code).as(shell.out() + shell.err()).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.out() + shell.err()).contains("index a_note does not exist")
				.contains("constraint a.a_note_short does not exist")
				.contains("mark-applied 001-a --allow-missing");
			assertThat(db.jdbc().queryForObject("SELECT to_regclass('migsh.history') IS NULL", Boolean.class))
				.as("nothing recorded, not even the history table")
				.isTrue();

			assertThat(shell.run("mark-applied 001-a --allow-missing")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(db.jdbc()
				.queryForObject("SELECT detail FROM migsh.audit WHERE action = 'mark-applied'", String.class))
				.contains("missing: index a_note, constraint a.a_note_short")
				.contains("--allow-missing");
		}
	}

	@Test
	void markAppliedRecordsWhenEverythingItCreatesExists(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			table("001", "a");
			db.jdbc()
				.execute(
						"CREATE TABLE a (id bigint PRIMARY KEY, note text CONSTRAINT a_note_short CHECK (length(note) < 100))");
			db.jdbc().execute("CREATE INDEX a_note ON a (note)");

			assertThat(shell.run("mark-applied 001")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("✔ constraint a.a_note_short exists")
				.contains("Recorded 001-a as applied");
		}
	}

	@Test
	void repairKeepsTheSqlThatRanAndShowPrintsBoth(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			write("001-a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n");
			assertThat(shell.run("apply")).isEqualTo(ExitCode.OK);
			write("001-a.sql",
					"-- migrate:up\nCREATE TABLE a (id int); -- reformatted\n-- migrate:down\nDROP TABLE a;\n");

			assertThat(shell.run("repair --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.run("status")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).doesNotContain("changed");
			assertThat(shell.run("show 001")).isEqualTo(ExitCode.OK);

			assertThat(db.jdbc().queryForObject("SELECT up_sql FROM migsh.history", String.class))
				.isEqualTo("CREATE TABLE a (id int);");
			assertThat(shell.out()).contains("-- SQL that ran").contains("Accepted by repair");
			assertThat(db.jdbc().queryForObject("SELECT accepted_up_sql FROM migsh.history", String.class))
				.contains("-- reformatted");
		}
	}

	@Test
	void theWayBackPrintedAfterAMultiMigrationApplyRunsAsPrinted(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			table("001", "a");
			assertThat(shell.run("apply")).isEqualTo(ExitCode.OK);
			table("002", "b");
			table("003", "c");
			assertThat(shell.run("apply")).isEqualTo(ExitCode.OK);

			String command = printed(shell.out(), "Way back: (undo [^ ]+ [^ ]+)");
			assertThat(command).isEqualTo("undo --to 001-a");
			assertThat(shell.run(command + " --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(db.jdbc().queryForList("SELECT migration_id FROM migsh.history", String.class))
				.containsExactly("001-a");

			assertThat(shell.run("apply")).isEqualTo(ExitCode.OK);
			String last = printed(shell.out(), "The last one alone: (undo [^ \\n]+)");
			assertThat(shell.run(last + " --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(db.jdbc().queryForList("SELECT migration_id FROM migsh.history ORDER BY 1", String.class))
				.containsExactly("001-a", "002-b");
		}
	}

	@Test
	void theWayBackFromAnEmptyDatabaseIsUndoAll(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			table("001", "a");
			table("002", "b");
			assertThat(shell.run("apply")).isEqualTo(ExitCode.OK);

			String command = printed(shell.out(), "Way back: (undo --all)");
			assertThat(shell.run(command + " --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.history", Long.class)).isZero();
			assertThat(db.jdbc().queryForObject("SELECT to_regclass('public.a') IS NULL", Boolean.class)).isTrue();
		}
	}

	@Test
	void aSingleApplyPrintsItsOwnUndoWhichRuns(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			table("001", "a");
			assertThat(shell.run("apply")).isEqualTo(ExitCode.OK);

			String command = printed(shell.out(), "Rollback: (undo [^ \\n]+)");
			assertThat(command).isEqualTo("undo 001-a");
			assertThat(shell.run(command + " --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
		}
	}

	private static String printed(String out, String regex) {
		Matcher m = Pattern.compile(regex).matcher(out);
		String found = null;
		while (m.find()) {
			found = m.group(1).strip();
		}
		assertThat(found).as("no line matching " + regex + " in:\n" + out).isNotNull();
		return found;
	}

}
