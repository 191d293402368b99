package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code apply --lock-retries N} and {@code MIGSH_LOCK_RETRIES}: each retry names its
 * blockers, the result says how many attempts it took; 0 fails at once naming the
 * blocker; a value that is not a count is a usage error.
 */
@ExtendWith(FreshDatabase.class)
class LockRetriesCommandTest {

	@TempDir
	Path dir;

	private ShellHarness shell(TestDatabase db, Map<String, String> extraEnv) throws Exception {
		db.jdbc().execute("CREATE TABLE t (id int); INSERT INTO t VALUES (1)");
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("001-alter.sql"), "-- migrate:up\nUPDATE t SET id = 2 WHERE id = 1;\n");
		Map<String, String> env = ShellHarness.env(db.url());
		env.putAll(extraEnv);
		return new ShellHarness(env, this.dir, this.dir);
	}

	private static int lock(Connection blocker) throws Exception {
		blocker.setAutoCommit(false);
		try (Statement st = blocker.createStatement()) {
			ResultSet rs = st.executeQuery("SELECT pg_backend_pid()");
			rs.next();
			int pid = rs.getInt(1);
			// a row lock: pre-flight sees no table lock in the way, the UPDATE waits for
			// it
			st.execute("SELECT * FROM t WHERE id = 1 FOR UPDATE");
			return pid;
		}
	}

	@Test
	void retriesNameTheBlockerAndTheResultCountsTheAttempts(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db, Map.of()); Connection blocker = db.dataSource().getConnection()) {
			int pid = lock(blocker);
			CompletableFuture.runAsync(() -> {
				try {
					blocker.rollback();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, CompletableFuture.delayedExecutor(2500, TimeUnit.MILLISECONDS));

			ExitCode code = shell.run("apply --yes --lock-timeout 1s --lock-retries 5");

			assertThat(code).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("attempt 1 of 6 stopped at lock_timeout, blocked by pid " + pid)
				.containsPattern(
						"✔ applied in .* \\(1 statement, after \\d attempts \\(\\d+\\.\\d s waiting for locks\\)\\)");
		}
	}

	@Test
	void zeroRetriesFromTheEnvironmentFailsAtOnceNamingTheBlocker(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db, Map.of("MIGSH_LOCK_RETRIES", "0"));
				Connection blocker = db.dataSource().getConnection()) {
			int pid = lock(blocker);

			ExitCode code = shell.run("apply --yes --lock-timeout 500ms");

			assertThat(code).isEqualTo(ExitCode.FAILED);
			assertThat(shell.out()).doesNotContain("stopped at lock_timeout");
			assertThat(shell.err()).contains("Blocked by pid " + pid).doesNotContain("attempts");
			blocker.rollback();
		}
	}

	@Test
	void aRetryCountThatIsNotANumberIsAUsageError(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db, Map.of("MIGSH_LOCK_RETRIES", "many"))) {
			assertThat(shell.run("apply --yes --lock-retries -1")).isEqualTo(ExitCode.USAGE);
			assertThat(shell.err()).contains("--lock-retries '-1' is not a number of retries from 0 to 100");
			assertThat(shell.run("apply --yes")).isEqualTo(ExitCode.USAGE);
			assertThat(shell.err()).contains("MIGSH_LOCK_RETRIES 'many' is not a number of retries");
		}
	}

}
