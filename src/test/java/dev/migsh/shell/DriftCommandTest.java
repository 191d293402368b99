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

/** drift's outcomes as exit codes, and Ctrl-C while it replays. */
@ExtendWith(FreshDatabase.class)
class DriftCommandTest {

	/**
	 * Sleeps only when replayed in a scratch database, so apply is quick and drift is
	 * slow.
	 */
	private static final String SLOW_IN_SCRATCH = """
			-- migrate:up
			CREATE TABLE t (id int);
			SELECT pg_sleep(CASE WHEN current_database() LIKE 'migsh_scratch%' THEN 30 ELSE 0 END);
			""";

	/** Fails only when replayed in a scratch database. */
	private static final String FAILS_IN_SCRATCH = """
			-- migrate:up
			DO $$ BEGIN IF current_database() LIKE 'migsh_scratch%' THEN RAISE EXCEPTION 'only here'; END IF; END $$;
			""";

	@TempDir
	Path dir;

	private ShellHarness shell(TestDatabase db, String migration) throws Exception {
		Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(this.dir.resolve("migrations/001-m.sql"), migration);
		ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir);
		assertThat(shell.run("apply")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
		return shell;
	}

	@Test
	void ctrlCStopsAReplayAtOnceAndDropsTheScratchDatabase(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db, SLOW_IN_SCRATCH)) {
			CompletableFuture.runAsync(() -> shell.dispatcher.interrupts().fire(),
					CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
			long start = System.nanoTime();

			ExitCode code = shell.run("drift");

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			assertThat(code).isEqualTo(ExitCode.FAILED);
			assertThat(shell.err()).contains("Cancelled: Replaying 001-m stopped; the scratch database was dropped");
			assertThat(db.jdbc()
				.queryForObject("SELECT count(*) FROM pg_database WHERE datname LIKE 'migsh_scratch%'", Long.class))
				.isZero();
		}
	}

	@Test
	void aReplayThatCannotRunIsExitCode6NotDrift(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db, FAILS_IN_SCRATCH)) {
			ExitCode code = shell.run("drift");

			assertThat(code).isEqualTo(ExitCode.NOT_CHECKED);
			assertThat(shell.err()).contains("drift could not check").contains("only here");
		}
	}

}
