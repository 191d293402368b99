package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** rehearse at the prompt: the table, the summary, the Markdown file, JSON, Ctrl-C. */
@ExtendWith(FreshDatabase.class)
class RehearseCommandTest {

	@TempDir
	Path dir;

	private ShellHarness shell(TestDatabase db) throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("001-t.sql"), """
				-- migrate:up
				CREATE TABLE t (id int PRIMARY KEY, c int NOT NULL, v varchar(128));
				-- migrate:down
				DROP TABLE t;
				""");
		ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir);
		assertThat(shell.run("apply")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
		db.jdbc().execute("INSERT INTO t SELECT g, g, 'v' || g FROM generate_series(1, 3000) g; ANALYZE t");
		Files.writeString(migrations.resolve("002-c.sql"), """
				-- migrate:up
				ALTER TABLE t ALTER COLUMN c TYPE bigint;
				ALTER TABLE t ALTER COLUMN v TYPE varchar(1024);
				-- migrate:down
				ALTER TABLE t ALTER COLUMN v TYPE varchar(128);
				ALTER TABLE t ALTER COLUMN c TYPE int;
				""");
		return shell;
	}

	@Test
	void printsATablePerMigrationTheWorstLockTheWayBackAndWritesTheMarkdownReport(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			ExitCode code = shell.run("rehearse --rows 500 --output " + this.dir.resolve("rehearsal.md"));

			assertThat(code).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("002-c  ✔ ran on the copy")
				.contains("way back: ✔ up → down → up leaves the schema identical")
				.containsPattern(
						"1 +ALTER TABLE t ALTER COLUMN c TYPE bigint +ACCESS EXCLUSIVE public\\.t +reads and writes"
								+ " +public\\.t \\(")
				.containsPattern(
						"2 +ALTER TABLE t ALTER COLUMN v TYPE varchar\\(1024\\) +held: ACCESS EXCLUSIVE public\\.t +"
								+ "reads and writes +none")
				.contains("estimate 1: ×")
				.contains(
						"Worst lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes), taken by 002-c statement 1")
				.contains("✔ Rehearsed: every pending migration ran on the copy.")
				.contains("Report written to");
			assertThat(Files.readString(this.dir.resolve("rehearsal.md"))).startsWith("# Rehearsal")
				.contains("## 002-c")
				.contains("| 1 | `ALTER TABLE t ALTER COLUMN c TYPE bigint` | ACCESS EXCLUSIVE public.t |");
			assertThat(shell.run("status")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("pending");
		}
	}

	@Test
	void planRehearseShowsThePlanThenWhatItReallyDid(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			ExitCode code = shell.run("plan --rehearse");

			assertThat(code).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("fingerprint")
				.contains("Rehearsed 1 pending migration(s) on a copy of the live database")
				.contains("✔ Rehearsed: every pending migration ran on the copy.");
			assertThat(shell.run("plan --rehearse --json")).isEqualTo(ExitCode.USAGE);
		}
	}

	@Test
	void applyOfTheRehearsedPlanShowsTheVerdictInPreflightAndSaysSo(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("rehearse --rows 100")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);

			ExitCode code = shell.run("apply");

			assertThat(code).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out())
				.containsPattern("✔ rehearsal +this plan was rehearsed in this session: 1 migration\\(s\\)"
						+ " ran on the copy, way back proven")
				.contains("Applying the rehearsed plan.");
		}
	}

	@Test
	void jsonCarriesEveryStatementAndAFailureIsExitCode1WithApplysError(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			db.jdbc().execute("UPDATE t SET v = NULL WHERE id = 1");
			Files.writeString(this.dir.resolve("migrations/003-v.sql"), """
					-- migrate:up
					ALTER TABLE t ALTER COLUMN v SET NOT NULL;
					""");

			ExitCode code = shell.run("rehearse --json --rows 5000");

			assertThat(code).isEqualTo(ExitCode.FAILED);
			assertThat(shell.out()).contains("\"id\":\"002-c\",\"outcome\":\"rehearsed\"")
				.contains("\"id\":\"003-v\",\"outcome\":\"failed\"")
				.contains("\"sqlState\":\"23502\"")
				.contains("003-v.sql:2:1")
				.contains("Fix the statement, then run `apply` again.");
		}
	}

	@Test
	void ctrlCStopsTheRehearsalAndDropsTheCopy(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			Files.writeString(this.dir.resolve("migrations/003-slow.sql"), """
					-- migrate:up
					SELECT pg_sleep(30);
					""");
			CompletableFuture.runAsync(() -> shell.dispatcher.interrupts().fire(),
					CompletableFuture.delayedExecutor(4000, TimeUnit.MILLISECONDS));
			long start = System.nanoTime();

			ExitCode code = shell.run("rehearse 003-slow --allow-out-of-order");

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
			assertThat(code).isEqualTo(ExitCode.FAILED);
			assertThat(shell.err()).contains("Cancelled");
			assertThat(db.jdbc()
				.queryForObject("SELECT count(*) FROM pg_database WHERE datname LIKE 'migsh_scratch%'", Long.class))
				.isZero();
		}
	}

}
