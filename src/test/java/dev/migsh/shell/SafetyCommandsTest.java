package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.Migrator;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * plan, report, trash and the safety parts of apply and undo, through the real
 * dispatcher.
 */
@ExtendWith(FreshDatabase.class)
class SafetyCommandsTest {

	@TempDir
	Path dir;

	private Path migrations() throws Exception {
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
				""");
		return migrations;
	}

	private ShellHarness shell(TestDatabase db, String... launchArgs) throws Exception {
		migrations();
		Map<String, String> env = new HashMap<>();
		env.put("MIGSH_URL", db.url());
		env.put("USER", "tester");
		env.put("MIGSH_ENV", "development");
		return new ShellHarness(env, this.dir, this.dir, launchArgs);
	}

	private Migrator otherSession(TestDatabase db) {
		return new Migrator(db.dataSource(), MigratorConfig.defaults(this.dir.resolve("migrations")));
	}

	/** Answers questions from a list, as a person at the keyboard would. */
	static Prompter answering(String... answers) {
		Deque<String> queue = new ArrayDeque<>(List.of(answers));
		return new Prompter() {

			@Override
			public boolean interactive() {
				return true;
			}

			@Override
			public String readLine(String prompt) {
				return queue.poll();
			}

			@Override
			public String readSecret(String prompt) {
				return queue.poll();
			}

		};
	}

	@Test
	void planShowsLocksFindingsRollbacksAndAFingerprint(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			shell.run("apply 001");
			assertThat(shell.run("plan")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Plan: 1 migration (all pending)")
				.contains("002-add-bio  (one transaction; rollback: undo 002-add-bio, which drops users.bio)")
				.contains("ALTER TABLE users ADD COLUMN bio text;")
				.contains("lock ACCESS EXCLUSIVE on users (never analyzed, ")
				.containsPattern("public\\.users\\s+ACCESS EXCLUSIVE\\s+reads and writes")
				.containsPattern("Plan fingerprint [0-9a-f]{12}");
			assertThat(shell.session.reviewedPlan()).isPresent();
			shell.run("plan --json");
			assertThat(shell.out()).contains("\"fingerprint\":\"" + shell.session.reviewedPlan().get().hash() + "\"");
		}
	}

	@Test
	void applyRefusesWhenTheReviewedPlanChangedAndNamesWhat(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("plan")).isEqualTo(ExitCode.OK);
			otherSession(db).apply(ApplyRequest.of(dev.migsh.core.plan.ApplyTarget.only("001-create-users")),
					ApplyListener.NONE, Cancellation.none());

			assertThat(shell.run("apply")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);

			assertThat(shell.out()).containsPattern("✖ reviewed plan\\s+changed since it was reviewed")
				.contains("history 001-create-users: now applied")
				.contains("table users: was absent, now exists");
			assertThat(shell.err()).contains("Pre-flight refused the apply: reviewed plan failed")
				.contains("Run `plan` again");
			assertThat(db.jdbc().queryForObject("select count(*) from migsh.history", Integer.class)).isEqualTo(1);
			assertThat(shell.run("plan")).isEqualTo(ExitCode.OK);
			assertThat(shell.run("apply")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern("✔ reviewed plan\\s+unchanged since it was reviewed");
		}
	}

	@Test
	void applyDryRunPrintsTheChecksAndThePlanAndChangesNothing(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("apply --dry-run")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Pre-flight checks")
				.containsPattern("✔ connection\\s+PostgreSQL")
				.containsPattern("✔ migration lock\\s+free")
				.contains("Plan: 2 migrations")
				.contains("Dry run: nothing was changed.");
			assertThat(db.jdbc().queryForObject("select to_regclass('users') is null", Boolean.class)).isTrue();
		}
	}

	@Test
	void planSaysATableThatExistsNowhereDoesNotExistAndApplyRefusesBeforeRunningAnything(TestDatabase db)
			throws Exception {
		try (ShellHarness shell = shell(db)) {
			Files.writeString(this.dir.resolve("migrations/003-typo.sql"),
					"-- migrate:up\nALTER TABLE userz ADD COLUMN age int;\n");

			assertThat(shell.run("plan")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("lock ACCESS EXCLUSIVE on users (created by the plan)")
				.contains("lock ACCESS EXCLUSIVE on userz (does not exist)");
			assertThat(shell.run("apply")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.out()).containsPattern(
					"✖ objects to change\\s+003-typo \\(003-typo.sql:2\\) alters table userz, which does not exist");
			assertThat(db.jdbc().queryForObject("SELECT to_regclass('users') IS NULL", Boolean.class)).isTrue();
		}
	}

	@Test
	void applyRefusesWithExitCode3WhenACheckFailsAndOffersMarkApplied(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			db.jdbc().execute("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)");

			assertThat(shell.run("apply")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);

			assertThat(shell.out()).containsPattern("✖ objects to create\\s+001-create-users creates table users");
			assertThat(shell.err()).contains("Pre-flight refused the apply: objects to create failed")
				.contains("mark-applied 001-create-users");
			assertThat(shell.run("mark-applied 001")).isEqualTo(ExitCode.OK);
			assertThat(shell.run("apply")).as(shell.err()).isEqualTo(ExitCode.OK);
		}
	}

	@Test
	void applyOfADataLossMigrationNeedsAllowDataLoss(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			shell.run("apply");
			Files.writeString(this.dir.resolve("migrations/003-drop-bio.sql"),
					"-- migrate:up\nALTER TABLE users DROP COLUMN bio;\n");

			assertThat(shell.run("apply")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.out()).contains("✖ safety findings").contains("data loss: DL-02 at 003-drop-bio:2");

			assertThat(shell.run("apply --allow-data-loss")).as(shell.err()).isEqualTo(ExitCode.OK);
		}
	}

	@Test
	void productionOverLocalhostNeedsNoSslButUndoStillNeedsAllowDataLoss(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			shell.run("apply 001");
		}
		try (ShellHarness shell = shell(db, "--env", "production")) {
			assertThat(shell.run("apply --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern("✔ ssl\\s+off, not needed: the connection stays on this machine")
				.contains("confirmed in advance with --yes");
			assertThat(db.jdbc().queryForObject("select count(*) from migsh.history", Integer.class)).isEqualTo(2);

			assertThat(shell.run("undo --yes")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.out()).containsPattern("✖ data loss\\s+undo destroys 1 object");
			assertThat(shell.err()).contains("--allow-data-loss");
			assertThat(db.jdbc().queryForObject("select count(*) from migsh.history", Integer.class)).isEqualTo(2);

			assertThat(shell.run("undo --yes --allow-data-loss")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(db.jdbc().queryForObject("select count(*) from migsh.history", Integer.class)).isEqualTo(1);
		}
	}

	@Test
	void undoDryRunMeasuresTheDataAndUndoKeepsItInTheTrash(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			shell.run("apply");
			db.jdbc().execute("INSERT INTO users VALUES (1, 'a@x', 'likes tea'), (2, 'b@x', NULL)");

			assertThat(shell.run("undo --dry-run")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("undo 002-add-bio  (one transaction)")
				.contains("DL-02")
				.contains("column users.bio: 1 non-null values (counted); kept in migsh_trash")
				.contains("Dry run: nothing was changed.");

			assertThat(shell.run("undo --yes")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Kept 1 rows of column public.users.bio in migsh_trash.1_users_bio")
				.contains(
						"UPDATE public.users AS t SET bio = s.bio FROM migsh_trash.\"1_users_bio\" AS s WHERE t.id = s.id;");

			assertThat(shell.run("trash")).isEqualTo(ExitCode.OK);
			assertThat(shell.out())
				.containsPattern("1\\s+\\S+ \\S+\\s+002-add-bio\\s+column\\s+public\\.users\\.bio\\s+1");

			assertThat(shell.run("trash purge")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.err()).contains("--yes");
			assertThat(shell.run("trash purge", answering("purge"))).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Purged 1 entry");
			assertThat(db.jdbc().queryForObject("select to_regnamespace('migsh_trash') is null", Boolean.class))
				.isTrue();
		}
	}

	@Test
	void planOnTheSampleProjectNamesTheDuplicateVersionAndTheRollbacksThatDropDataAndApplyPasses(TestDatabase db) {
		Map<String, String> env = new HashMap<>();
		env.put("USER", "tester");
		env.put("MIGSH_URL", db.url());
		env.put("MIGSH_ENV", "development");
		try (ShellHarness shell = new ShellHarness(env, Path.of("").toAbsolutePath(), this.dir)) {
			assertThat(shell.run("plan")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Plan: 31 migrations (all pending)")
				.contains("⚠ 2 migrations share version 009: 009-create-chapter-progress, 009-update-chapters-for-urls")
				.contains("031-add-profile-fields-to-users  (one transaction; rollback: undo "
						+ "031-add-profile-fields-to-users, which drops users.bio, users.phone, users.location)")
				.contains("Rollbacks that drop data (undo keeps it in migsh_trash): ")
				.contains("ℹ DL-07 changing courses.tags to text[]")
				.contains("(the table is new in this plan and holds no data yet)");

			assertThat(shell.run("apply")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern("⚠ versions\\s+2 migrations share version 009")
				.containsPattern("✔ safety findings\\s+none that need acknowledging")
				.containsPattern("✔ objects to change")
				.contains("Applied 31 migrations.");
		}
	}

	@Test
	void reportFlagsTheSampleProjectsDataLossDownsAndTheDuplicateVersion(TestDatabase db) throws Exception {
		Map<String, String> env = new HashMap<>();
		env.put("USER", "tester");
		try (ShellHarness shell = new ShellHarness(env, Path.of("").toAbsolutePath(), this.dir)) {
			assertThat(shell.run("report")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Data safety: MOSTLY SAFE")
				.contains("down 031-add-profile-fields-to-users: drops columns users.bio, users.phone, users.location")
				.contains("2 migrations share version 009: 009-create-chapter-progress, 009-update-chapters-for-urls")
				.containsPattern("undo\\s+table and column data in 14 migrations .*⚠ usually");
			assertThat(shell.session.connected()).isFalse();
			shell.run("report --json");
			assertThat(shell.out()).contains("\"id\":\"031-add-profile-fields-to-users\"")
				.contains("\"down\":\"data loss\"");
		}
	}

	@Test
	void reportAndPlanCutLongLinesOnTheSampleProjectUnlessAskedForTheFullText(TestDatabase db) {
		Map<String, String> env = new HashMap<>();
		env.put("USER", "tester");
		env.put("MIGSH_URL", db.url());
		try (ShellHarness shell = new ShellHarness(env, Path.of("").toAbsolutePath(), this.dir)) {
			assertThat(shell.run("report")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.run("plan")).as(shell.err()).isEqualTo(ExitCode.OK);
			int cut = longestLine(shell.out());
			int major = db.jdbc().queryForObject("SELECT current_setting('server_version_num')::int", Integer.class)
					/ 10000;
			assertThat(shell.out()).contains("(rules for PostgreSQL " + major + ")");
			assertThat(shell.run("report --full")).isEqualTo(ExitCode.OK);
			assertThat(shell.run("plan --full")).isEqualTo(ExitCode.OK);

			assertThat(cut).isLessThanOrEqualTo(200);
			assertThat(longestLine(shell.out())).isGreaterThan(200);
		}
	}

	private static int longestLine(String text) {
		return text.lines().mapToInt(String::length).max().orElse(0);
	}

}
