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
 * The migration commands through the real dispatcher: what a user sees and the exit
 * codes.
 */
@ExtendWith(FreshDatabase.class)
class MigrationCommandsTest {

	@TempDir
	Path dir;

	private ShellHarness shell(TestDatabase db) throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("001-create-users.sql"), """
				-- migrate:up
				CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
				""");
		Files.writeString(migrations.resolve("002-add-bio.sql"), """
				-- migrate:up
				ALTER TABLE users ADD COLUMN bio text;
				-- migrate:down
				ALTER TABLE users DROP COLUMN bio;
				-- migrate:verify
				SELECT bio FROM users LIMIT 0;
				""");
		return ShellHarness.connectedTo(db.url(), this.dir);
	}

	@Test
	void applyPrintsTheWayBackOnceForTheWholeRun(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("apply")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("[1/2] applying 001-create-users")
				.contains("[2/2] applying 002-add-bio")
				.contains("Applied 2 migrations.")
				.contains("Way back: undo cannot take this run back: 001-create-users has no down section")
				.contains("The last one alone: undo 002-add-bio")
				.doesNotContain("Rollback: undo 002-add-bio");
			assertThat(db.jdbc().queryForObject("select count(*) from migsh.history", Integer.class)).isEqualTo(2);
		}
	}

	@Test
	void statusShowsEveryMigrationAndASummary(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			shell.run("apply 001");
			assertThat(shell.run("status")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern("001-create-users\\s+applied")
				.containsPattern("002-add-bio\\s+pending")
				.contains("2 migrations: 1 applied, 1 pending");
			shell.run("status --json");
			assertThat(shell.out()).contains("\"state\":\"applied\"").contains("\"pending\":1");
		}
	}

	@Test
	void undoNeedsAConfirmationWhenItDestroysDataAndRunsWithYes(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			shell.run("apply");
			assertThat(shell.run("undo")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.err()).contains("undo destroys 1 object(s) with their data").contains("--yes");
			assertThat(columnExists(db, "bio")).isTrue();
			assertThat(shell.run("undo --dry-run")).isEqualTo(ExitCode.OK);
			assertThat(columnExists(db, "bio")).isTrue();
			assertThat(shell.run("undo --yes")).isEqualTo(ExitCode.OK);
			assertThat(columnExists(db, "bio")).isFalse();
			assertThat(shell.out()).contains("Undone 1 migration.");
		}
	}

	@Test
	void undoOfAMigrationWithoutADownSectionIsRefusedWithTheWayOut(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			shell.run("apply 001");
			ExitCode code = shell.run("undo");
			assertThat(code).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.err()).contains("Error:").contains("001-create-users").contains("Hint:");
		}
	}

	@Test
	void markAppliedChecksTheObjectsFirstAndMarkPendingForgets(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			db.jdbc().execute("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)");
			assertThat(shell.run("mark-applied 001")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("table users exists").contains("Recorded 001-create-users as applied");
			assertThat(shell.run("mark-applied 002")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.out() + shell.err()).contains("column users.bio")
				.contains("mark-applied 002-add-bio --allow-missing");
			assertThat(shell.run("mark-pending 001")).isEqualTo(ExitCode.OK);
			assertThat(db.jdbc().queryForObject("select count(*) from migsh.history", Integer.class)).isZero();
		}
	}

	@Test
	void anEditedAppliedFileShowsAsChangedBlocksApplyAndRepairAcceptsIt(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			shell.run("apply 001");
			Path file = this.dir.resolve("migrations/001-create-users.sql");
			Files.writeString(file, Files.readString(file).replace("email text NOT NULL", "email text"));
			shell.run("status");
			assertThat(shell.out()).containsPattern("001-create-users\\s+changed");
			assertThat(shell.run("show 001")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("-CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);")
				.contains("+CREATE TABLE users (id bigint PRIMARY KEY, email text);");
			assertThat(shell.run("apply")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.run("repair --yes")).isEqualTo(ExitCode.OK);
			assertThat(shell.run("apply")).isEqualTo(ExitCode.OK);
		}
	}

	@Test
	void anUnknownMigrationIdSuggestsCloseOnes(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("show 002-add-bi")).isEqualTo(ExitCode.FAILED);
			assertThat(shell.err()).contains("002-add-bio");
		}
	}

	private static boolean columnExists(TestDatabase db, String column) {
		return db.jdbc()
			.queryForObject("select count(*) from information_schema.columns where table_name = 'users'"
					+ " and column_name = ?", Integer.class, column) == 1;
	}

}
