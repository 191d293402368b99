package dev.migsh.shell;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.core.apply.MigrationLock;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** help, info and connect through the real dispatcher. */
@ExtendWith(FreshDatabase.class)
class SessionCommandsTest {

	@TempDir
	Path dir;

	@Test
	void helpListsTheCommandsByGroupAndOneCommandsOptions(TestDatabase db) {
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.run("help")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Migrations")
				.contains("  apply ")
				.contains("Schema")
				.contains("  describe ");
			assertThat(shell.run("help undo")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("undo [ID]").contains("--dry-run").contains("--to ID");
			assertThat(shell.run("help nosuch")).isEqualTo(ExitCode.USAGE);
		}
	}

	@Test
	void infoShowsWhereEachSettingCameFromAndWhoHoldsTheMigrationLock(TestDatabase db) throws Exception {
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.run("info")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern("Host\\s+localhost\\s+MIGSH_URL")
				.containsPattern("Migration lock\\s+free")
				.containsPattern("Environment\\s+DEV\\s+development \\(from MIGSH_ENV\\)");
			try (Connection holder = db.dataSource().getConnection(); Statement s = holder.createStatement()) {
				holder.createStatement().execute("SET application_name = 'other-deployer'");
				s.execute("SELECT pg_advisory_lock(" + MigrationLock.CLASS_ID + ", "
						+ MigrationLock.objectId("migsh.history") + ")");
				assertThat(shell.run("info")).isEqualTo(ExitCode.OK);
				assertThat(shell.out()).containsPattern("Migration lock\\s+held by .*other-deployer");
			}
		}
	}

	@Test
	void aLocalhostServerIsProductionUnlessTheEnvironmentIsNamed(TestDatabase db) throws Exception {
		java.util.Map<String, String> env = new java.util.HashMap<>(ShellHarness.env(db.url()));
		env.remove("MIGSH_ENV");
		try (ShellHarness shell = new ShellHarness(env, this.dir, this.dir)) {
			assertThat(shell.run("info")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern(
					"Environment\\s+PROD\\s+production \\(inferred from host localhost, not the sandbox; --env or MIGSH_ENV");
			assertThat(PromptText.of(shell.session, 0, false)).startsWith("migsh PROD(inferred) postgres@");
		}
	}

	@Test
	void aPasswordOnTheCommandLineDrawsAWarningThatDoesNotRepeatIt(TestDatabase db) throws Exception {
		String url = db.url().replace("postgresql://postgres@", "postgresql://postgres:Sw0rdfish@");
		try (ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir, "--url", url)) {
			assertThat(shell.run("info")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.err()).contains("the password given in --url can be read by other users of this host")
				.contains("PGPASSWORD, ~/.pgpass");
			assertThat(shell.out() + shell.err()).doesNotContain("Sw0rdfish");
		}
	}

	@Test
	void aFailedConnectKeepsTheCurrentSession(TestDatabase db) {
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.run("info")).isEqualTo(ExitCode.OK);
			assertThat(shell.run("connect --host 127.0.0.1 --port 1")).isEqualTo(ExitCode.FAILED);
			assertThat(shell.err()).contains("could not connect to postgresql://").contains("127.0.0.1:1");
			assertThat(shell.run("tables")).isEqualTo(ExitCode.OK);
			assertThat(shell.session.currentDatabase().orElseThrow().settings().database()).isEqualTo(db.name());
		}
	}

}
