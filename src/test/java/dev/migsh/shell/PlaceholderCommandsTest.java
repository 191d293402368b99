package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placeholder values reach the engine from the launch flags, the environment and
 * {@code connect}; without them nothing runs and the error names the placeholder.
 */
@ExtendWith(FreshDatabase.class)
class PlaceholderCommandsTest {

	@TempDir
	Path dir;

	private void migrations() throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__schema.sql"), "CREATE SCHEMA ${schema};\n");
		Files.writeString(migrations.resolve("U1__schema.sql"), "DROP SCHEMA ${schema};\n");
		Files.writeString(migrations.resolve("V2__owner.sql"),
				"-- who ran it\nCOMMENT ON SCHEMA ${schema} IS '${migsh:user} on ${migsh:database}';\n");
		Files.writeString(migrations.resolve("V3__empty.sql"), "-- reserved\n");
	}

	@Test
	void appliesWithValuesFromTheLaunchFlagsAndTheConnection(TestDatabase db) throws Exception {
		migrations();
		try (ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir, "--placeholder",
				"schema=shop", "--placeholder", "api_token=s3cr3t")) {
			assertThat(shell.run("info")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("api_token=********", "schema=shop").doesNotContain("s3cr3t");
			assertThat(shell.run("plan")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("CREATE SCHEMA shop", "V3__empty  (empty: records the migration");
			assertThat(shell.run("apply --yes")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.run("status")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("empty (no statement)");
		}
		String comment = db.jdbc()
			.queryForObject("SELECT obj_description('shop'::regnamespace, 'pg_namespace')", String.class);
		assertThat(comment).endsWith(" on " + db.jdbc().queryForObject("SELECT current_database()", String.class));
		assertThat(comment).startsWith(db.jdbc().queryForObject("SELECT current_user", String.class) + " on ");
	}

	@Test
	void refusesEveryCommandThatReadsTheFolderUntilThePlaceholderHasAValue(TestDatabase db) throws Exception {
		migrations();
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.run("report")).isNotEqualTo(ExitCode.OK);
			assertThat(shell.err()).contains("V1__schema.sql:1:15", "placeholder ${schema} has no value",
					"--placeholder schema=VALUE");
			assertThat(shell.run("apply --yes")).isNotEqualTo(ExitCode.OK);
			assertThat(db.jdbc().queryForObject("SELECT to_regnamespace('migsh') IS NULL", Boolean.class)).isTrue();

			assertThat(shell.run("connect " + db.url() + " --placeholder schema=store")).as(shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(shell.run("apply --yes")).as(shell.err()).isEqualTo(ExitCode.OK);
		}
		assertThat(db.jdbc().queryForObject("SELECT to_regnamespace('store') IS NOT NULL", Boolean.class)).isTrue();
	}

	@Test
	void masksSecretPlaceholderValuesTypedOnACommandLine() {
		String line = "connect --placeholder db_password=hunter2 --placeholder=API_TOKEN=t0k --placeholder schema=shop";

		assertThat(ErrorReporter.redact(line, java.util.List.of())).isEqualTo(
				"connect --placeholder db_password=******** --placeholder=API_TOKEN=******** --placeholder schema=shop");
	}

	@Test
	void countsSecretPlaceholderValuesAmongTheSessionsSecrets(TestDatabase db) throws Exception {
		migrations();
		try (ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir, "--placeholder",
				"schema=shop", "--placeholder", "app_secret=s3cr3t")) {
			assertThat(shell.session.secrets()).contains("s3cr3t").doesNotContain("shop");
		}
	}

}
