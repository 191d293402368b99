package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project driven by migsh.toml: info names the file and line of each setting, the
 * target connects, the search_path makes unqualified names land in their schema.
 */
@ExtendWith(FreshDatabase.class)
class ProjectFileCommandsTest {

	@TempDir
	Path dir;

	private void project(TestDatabase db) throws Exception {
		Files.writeString(this.dir.resolve("migsh.toml"), """
				migrations = "db/migrations"
				history_schema = "ops"
				lock_timeout = "2s"
				search_path = "auth, public"
				target = "local"

				[placeholders]
				team = "core"

				[targets.local]
				url = "%s?application_name=lms-migrations"
				env = "development"
				""".formatted(db.url()));
		Path migrations = Files.createDirectories(this.dir.resolve("db/migrations"));
		Files.writeString(migrations.resolve("001-users.sql"),
				"-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY, team text DEFAULT '${team}');\n"
						+ "-- migrate:down\nDROP TABLE users;\n");
		db.jdbc().execute("CREATE SCHEMA auth");
	}

	@Test
	void infoShowsEachSettingsFileAndLineAndTheTargetConnectsWithItsSearchPath(TestDatabase db) throws Exception {
		project(db);
		try (ShellHarness shell = new ShellHarness(Map.of("USER", "tester", "MIGSH_LOCK_WAIT", "5s"), this.dir,
				this.dir)) {
			assertThat(shell.run("info")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern("Host\\s+localhost\\s+migsh.toml:11 \\[targets.local\\]")
				.containsPattern("Environment\\s+DEV\\s+development \\(from migsh.toml:12 \\[targets.local\\]\\)")
				.containsPattern("Target\\s+local\\s+migsh.toml:5 \\(default\\)")
				.containsPattern("Option application_name\\s+lms-migrations\\s+migsh.toml:11 \\[targets.local\\]")
				.containsPattern("Search path\\s+auth, public\\s+migsh.toml:4")
				.containsPattern("Project file\\s+\\S+migsh.toml\\s+working directory")
				.containsPattern("Migrations\\s+\\S+db/migrations\\s+migsh.toml:1")
				.containsPattern("History\\s+schema ops\\s+migsh.toml:2")
				.containsPattern("Lock wait\\s+5.0 s\\s+MIGSH_LOCK_WAIT")
				.containsPattern("Lock timeout\\s+2.0 s\\s+migsh.toml:3")
				.containsPattern("Statement timeout\\s+10 min 0 s\\s+default")
				.containsPattern("Placeholders\\s+team=core\\s+migsh.toml:8");
			assertThat(shell.run("info --json")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("setting_origins")
				.containsPattern("\"lock_timeout\"\\s*:\\s*\"migsh.toml:3\"")
				.containsPattern("\"application_name\"\\s*:\\s*\"migsh.toml:11 \\[targets.local\\]\"");
			assertThat(shell.run("apply --yes")).as(shell.err()).isEqualTo(ExitCode.OK);
		}
		assertThat(db.jdbc()
			.queryForObject(
					"SELECT column_default FROM information_schema.columns"
							+ " WHERE table_schema = 'auth' AND table_name = 'users' AND column_name = 'team'",
					String.class))
			.startsWith("'core'");
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM ops.history", Integer.class)).isEqualTo(1);
	}

	@Test
	void connectNamesATargetAndAnUnknownOneListsThem(TestDatabase db) throws Exception {
		project(db);
		try (ShellHarness shell = new ShellHarness(Map.of("USER", "tester"), this.dir, this.dir, "--schema", "audit")) {
			assertThat(shell.run("connect local")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.run("info")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern("Target\\s+local\\s+connect local")
				.containsPattern("History\\s+schema audit\\s+--schema");
			assertThat(shell.run("connect staging")).isEqualTo(ExitCode.FAILED);
			assertThat(shell.err()).contains("no target named 'staging'").contains("targets: local");
		}
	}

	@Test
	void aWrongProjectFileStopsTheSessionNamingFileAndLine() throws Exception {
		Files.writeString(this.dir.resolve("migsh.toml"), "migrations = \"db\"\nlock_wiat = \"5s\"\n");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new ShellHarness(Map.of("USER", "tester"), this.dir, this.dir))
			.hasMessage("migsh.toml:2: unknown key 'lock_wiat' in the project file");
	}

}
