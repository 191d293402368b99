package dev.migsh.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 13: Ctrl-C and SIGINT during an interactive apply under a real pseudo-terminal
 * (tmux) with several TERM values cancel the statement, roll back, release the lock,
 * print the state and keep the shell; SIGTERM in one-shot and script mode does the same
 * and exits 143, without a stack trace.
 */
@ExtendWith(FreshDatabase.class)
class SignalsEndToEndTest {

	private static final String SLOW = "-- migrate:up\nCREATE TABLE slow (id int);\nSELECT pg_sleep(60);\n";

	@TempDir
	Path dir;

	private void slowMigration() throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("001-slow.sql"), SLOW);
	}

	/** Waits until the migration's pg_sleep runs on the server. */
	private static void waitForSleep(TestDatabase db) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			Integer n = db.jdbc()
				.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'"
						+ " AND state = 'active'", Integer.class);
			if (n != null && n > 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the migration never reached its pg_sleep");
	}

	private static void assertRolledBackAndUnlocked(TestDatabase db) {
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('slow') IS NULL", Boolean.class)).isTrue();
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'", Integer.class))
			.isZero();
		assertThat(db.jdbc()
			.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'"
					+ " AND state = 'active'", Integer.class))
			.isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "xterm", "dumb" })
	void ctrlCAndSigintDuringAnInteractiveApplyCancelItAndKeepTheShell(String term, TestDatabase db) throws Exception {
		assumeTrue(Tmux.available(), "tmux is not installed: a real-terminal test needs it");
		slowMigration();
		Path pidFile = this.dir.resolve("pid");
		String command = "cd " + this.dir + " && export TERM=" + term + " MIGSH_HOME=" + this.dir.resolve(".migsh")
				+ " && exec " + MigshProcess.javaExecutable() + " -jar " + MigshProcess.jar() + " --url " + db.url()
				+ " --env development";
		try (Tmux tmux = new Tmux()) {
			tmux.start("echo $$ > " + pidFile + "; " + command);
			tmux.waitFor("(1 pending)>", 60);
			for (String how : List.of("C-c", "kill -INT")) {
				int before = count(tmux.screen(), "(1 pending)>");
				tmux.type("apply");
				tmux.send("Enter");
				waitForSleep(db);
				long start = System.nanoTime();
				if (how.equals("C-c")) {
					tmux.send("C-c");
				}
				else {
					new ProcessBuilder("kill", "-INT", Files.readString(pidFile).strip()).start().waitFor();
				}
				String screen = waitForPrompts(tmux, before + 1);
				long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				assertThat(tmux.paneDead()).as(term + " " + how + ":\n" + screen).isFalse();
				assertThat(screen).as(term + " " + how).contains("Cancelled: 001-slow was rolled back");
				assertThat(screen).doesNotContain("Exception", "\tat ");
				assertRolledBackAndUnlocked(db);
				System.out.println("TERM=" + term + " " + how + ": prompt back " + ms + " ms after the signal");
			}
			tmux.type("exit");
			tmux.send("Enter");
		}
	}

	private static String waitForPrompts(Tmux tmux, int prompts) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		String screen = "";
		while (System.nanoTime() < deadline) {
			screen = tmux.screen();
			if (count(screen, "(1 pending)>") >= prompts) {
				return screen;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the prompt never came back; the terminal shows:\n" + screen);
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}

	@Test
	void sigtermDuringAOneShotApplyCancelsReportsAndExits143(TestDatabase db) throws Exception {
		slowMigration();
		Result result = runAndSignal(db, "TERM", List.of("--yes", "apply"));
		assertThat(result.code).as(result.output).isEqualTo(143);
		assertThat(result.output).contains("Cancelled: 001-slow was rolled back").doesNotContain("Exception", "\tat ");
		assertRolledBackAndUnlocked(db);
	}

	@Test
	void sigtermDuringAScriptCancelsReportsAndExits143(TestDatabase db) throws Exception {
		slowMigration();
		Files.writeString(this.dir.resolve("run.msh"), "status\napply --yes\nstatus\n");
		Result result = runAndSignal(db, "TERM", List.of("--script", "run.msh"));
		assertThat(result.code).as(result.output).isEqualTo(143);
		assertThat(result.output).contains("Cancelled: 001-slow was rolled back").doesNotContain("Exception", "\tat ");
		assertRolledBackAndUnlocked(db);
	}

	private record Result(int code, String output) {
	}

	private Result runAndSignal(TestDatabase db, String signal, List<String> args) throws Exception {
		List<String> command = new ArrayList<>(List.of(MigshProcess.javaExecutable(), "-jar",
				MigshProcess.jar().toString(), "--url", db.url(), "--env", "development"));
		command.addAll(args);
		Path out = this.dir.resolve("out.txt");
		ProcessBuilder pb = new ProcessBuilder(command).directory(this.dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(out.toFile());
		pb.environment().put("MIGSH_HOME", this.dir.resolve(".migsh").toString());
		Process process = pb.start();
		try {
			waitForSleep(db);
			new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("migsh exits after SIG" + signal).isTrue();
			return new Result(process.exitValue(), Files.readString(out));
		}
		finally {
			process.destroyForcibly();
		}
	}

}
