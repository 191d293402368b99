package dev.migsh.shell.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.ShellHarness;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reset: development only, behind a countdown that Ctrl-C cancels; drops everything and
 * applies again.
 */
@ExtendWith(FreshDatabase.class)
class ResetCommandTest {

	@TempDir
	Path dir;

	@BeforeEach
	void migrations() throws Exception {
		Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(this.dir.resolve("migrations/001-create-widgets.sql"),
				"-- migrate:up\nCREATE TABLE widgets (id int);\n-- migrate:down\nDROP TABLE widgets;\n");
	}

	@Test
	void dropsEverythingThenAppliesEveryMigrationAgain(TestDatabase db) throws Exception {
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.run("apply --yes")).as(shell.err()).isEqualTo(ExitCode.OK);
			db.jdbc().execute("INSERT INTO widgets VALUES (1)");
			db.jdbc().execute("CREATE TABLE by_hand (id int)");
			db.jdbc().execute("CREATE SCHEMA reports");
			assertThat(shell.run("reset --yes --countdown 1s")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("drop every schema in " + db.name() + ": public, reports")
				.contains("Starting in 1 s; Ctrl-C cancels.")
				.contains("1… now.")
				.contains("applied 1 migration(s) on an empty database");
		}
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM widgets", Integer.class)).isZero();
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('public.by_hand') IS NULL", Boolean.class)).isTrue();
		assertThat(
				db.jdbc().queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = 'reports'", Integer.class))
			.isZero();
		assertThat(db.jdbc().queryForList("SELECT action FROM migsh.audit ORDER BY seq", String.class))
			.containsExactly("apply", "reset", "apply");
	}

	@Test
	void refusesOutsideDevelopmentWithExitCodeThreeAndDropsNothing(TestDatabase db) throws Exception {
		db.jdbc().execute("CREATE TABLE precious (id int)");
		Map<String, String> env = ShellHarness.env(db.url());
		env.put("MIGSH_ENV", "production");
		try (ShellHarness shell = new ShellHarness(env, this.dir, this.dir)) {
			assertThat(shell.run("reset --yes --countdown 1s")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.out())
				.containsPattern("✖ environment\\s+reset drops everything and is for development only");
			assertThat(shell.err()).contains("Pre-flight refused the reset: environment failed")
				.contains("Nothing was dropped");
		}
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('public.precious') IS NOT NULL", Boolean.class))
			.isTrue();
	}

	@Test
	void aNonInteractiveRunNeedsYesAndADryRunChangesNothing(TestDatabase db) throws Exception {
		db.jdbc().execute("CREATE TABLE precious (id int)");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.run("reset")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.err()).contains("reset drops everything").contains("pass --yes");
			assertThat(shell.run("reset --dry-run")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("public").contains("Dry run: nothing was changed.");
			assertThat(shell.run("reset --countdown 0s --yes")).isEqualTo(ExitCode.USAGE);
		}
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('public.precious') IS NOT NULL", Boolean.class))
			.isTrue();
	}

	@Test
	void ctrlCDuringTheCountdownCancelsIt(TestDatabase db) throws Exception {
		db.jdbc().execute("CREATE TABLE precious (id int)");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			CompletableFuture.runAsync(() -> shell.dispatcher.interrupts().fire(),
					CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
			assertThat(shell.run("reset --yes --countdown 10s")).isEqualTo(ExitCode.FAILED);
			assertThat(shell.out()).contains("cancelled (Ctrl-C)");
			assertThat(shell.err()).contains("Cancelled with Ctrl-C; nothing was changed");
		}
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('public.precious') IS NOT NULL", Boolean.class))
			.isTrue();
	}

}
