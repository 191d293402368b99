package dev.migsh.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;
import dev.migsh.testing.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runbooks in scripts/, run with the packaged jar against a fresh database and a copy
 * of the sample migrations, as an ops engineer runs them.
 */
@ExtendWith(FreshDatabase.class)
class RunbooksEndToEndTest {

	private static final Path SCRIPTS = Path.of("scripts").toAbsolutePath();

	private static final String GROUPS = "20241201000002-create-groups";

	@TempDir
	Path dir;

	private Path migrations;

	@BeforeEach
	void copySampleMigrations() throws Exception {
		this.migrations = Files.createDirectories(this.dir.resolve("migrations"));
		try (Stream<Path> files = Files.list(Path.of("migrations"))) {
			for (Path file : files.toList()) {
				Files.copy(file, this.migrations.resolve(file.getFileName()));
			}
		}
	}

	@Test
	void theTourRunsOnAFreshDatabase(TestDatabase db) throws Exception {
		MigshProcess.Result r = runbook(db, "demo.msh");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.stdout()).contains("> plan")
			.contains("Applied 31 migrations.")
			.contains("Table \"public.users\"")
			.contains("> history users")
			.contains("> undo --dry-run")
			.contains("Undone 1 migration")
			.endsWith("31 migrations: 30 applied, 1 pending\n");
		assertThat(exists(db, "public.users")).isTrue();
		assertThat(exists(db, "public.chat_rooms")).isFalse();
	}

	@Test
	void preflightPassesOnAHealthyDatabaseAndFailsWhenAnAppliedFileChanged(TestDatabase db) throws Exception {
		applied(db, "apply", "--yes");
		MigshProcess.Result healthy = runbook(db, "preflight.msh");
		assertThat(healthy.exitCode()).as(healthy.all()).isZero();
		assertThat(healthy.stdout()).contains("> status")
			.contains("> plan")
			.contains("> report")
			.contains("> apply --dry-run");
		Path users = this.migrations.resolve("001-create-users.sql");
		Files.writeString(users, Files.readString(users).replace("users_role_idx", "users_role_index"));
		MigshProcess.Result changed = runbook(db, "preflight.msh");
		assertThat(changed.exitCode()).as(changed.all()).isEqualTo(3);
		assertThat(changed.stderr()).contains("001-create-users was edited after it was applied");
	}

	@Test
	void preflightFailsOnACrossInThePreflightChecks(TestDatabase db) throws Exception {
		applied(db, "apply", "--to", "032", "--yes");
		db.jdbc().execute("CREATE TABLE achievements (id int)");
		MigshProcess.Result r = runbook(db, "preflight.msh");
		assertThat(r.exitCode()).as(r.all()).isEqualTo(3);
		assertThat(r.stdout()).contains("✖ objects to create").contains("already exist");
		assertThat(r.stderr()).contains("stopped at line 12 (exit code 3)");
	}

	@Test
	void deployRunsNothingUntilItIsToldWhichEnvironmentItIsFor(TestDatabase db) throws Exception {
		MigshProcess.Result unset = runbook(db, "deploy.msh");
		assertThat(unset.exitCode()).isEqualTo(2);
		assertThat(unset.stderr()).contains("variables not set: ${DEPLOY_ENV}").contains("nothing was run");
		assertThat(unset.stdout()).doesNotContain("> ");
		MigshProcess.Result wrong = runbook(db, "deploy.msh", "--set", "DEPLOY_ENV=production");
		assertThat(wrong.exitCode()).as(wrong.all()).isEqualTo(5);
		assertThat(wrong.stderr()).contains("Error: expected env production, found development")
			.contains("stopped at line 6 (exit code 5)");
		assertThat(wrong.stdout()).doesNotContain("> apply");
		assertThat(exists(db, "public.users")).isFalse();
	}

	@Test
	void deployAppliesEverythingVerifiesAndLeavesATranscriptWithoutThePassword(TestDatabase db) throws Exception {
		applied(db, "apply", "--to", "030", "--yes");
		String withPassword = db.url().replace("postgres@", "postgres:Pw-s3cret@");
		MigshProcess.Result r = MigshProcess.run(this.dir, MigshProcess.env("DEPLOY_ENV", "staging"), "--url",
				withPassword, "--env", "staging", "--migrations", this.migrations.toString(), "--transcript",
				"deploy.log", "--script", SCRIPTS.resolve("deploy.msh").toString());
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.stdout()).contains("✔ env staging")
			.contains("> script preflight.msh")
			.contains("> apply --yes")
			.contains("✔ 0 pending")
			.contains("> expect no-drift");
		String log = Files.readString(this.dir.resolve("deploy.log"));
		assertThat(log).containsPattern("# migsh transcript started \\d{4}-\\d\\d-\\d\\dT")
			.containsPattern("\\[\\d\\d:\\d\\d:\\d\\d\\] migsh STAGE postgres@" + db.name() + " .*> apply --yes\n")
			.contains("Applied 11 migrations.")
			.contains("# migsh transcript ended")
			.doesNotContain("Pw-s3cret");
		assertThat(r.all()).doesNotContain("Pw-s3cret");
	}

	@Test
	void undoLastUndoesTheMigrationItIsToldIsTheLatest(TestDatabase db) throws Exception {
		applied(db, "apply", "--to", GROUPS, "--yes");
		MigshProcess.Result r = runbook(db, "undo-last.msh", "--set", "MIGRATION=" + GROUPS);
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.stdout()).contains("> undo " + GROUPS + " --dry-run")
			.contains("Dry run: nothing was changed.")
			.contains("> undo " + GROUPS + " --yes --allow-data-loss")
			.contains("✔ " + GROUPS + " pending");
		assertThat(exists(db, "public.groups")).isFalse();
		assertThat(exists(db, "public.hackathons")).isTrue();
	}

	@Test
	void undoLastUndoesNothingWhenTheMigrationNamedIsNotTheLatest(TestDatabase db) throws Exception {
		applied(db, "apply", "--to", GROUPS, "--yes");
		MigshProcess.Result r = runbook(db, "undo-last.msh", "--set", "MIGRATION=031-add-profile-fields-to-users");
		assertThat(r.exitCode()).as(r.all()).isNotZero();
		assertThat(r.stderr()).contains("stopped at line");
		assertThat(column(db, "users", "bio")).isTrue();
		assertThat(exists(db, "public.groups")).isTrue();
	}

	@Test
	void undoLastInADryRunChangesNothingAndSkipsTheGuardsAfterTheUndo(TestDatabase db) throws Exception {
		applied(db, "apply", "--to", GROUPS, "--yes");
		MigshProcess.Result r = runbook(db, "undo-last.msh", "--set", "MIGRATION=" + GROUPS, "--dry-run");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.stdout()).contains("> undo " + GROUPS + " --yes --allow-data-loss --dry-run")
			.contains("○ not checked in a dry run");
		assertThat(exists(db, "public.groups")).isTrue();
	}

	@Test
	void adoptExistingTakesOverTheSeedTeamsSequelizeProjectAndKeepsSequelizeMetaInStep(TestDatabase db)
			throws Exception {
		List<String> ids = dev.migsh.core.catalog.MigrationDirectory.read(this.migrations)
			.migrations()
			.stream()
			.map(m -> m.id())
			.toList();
		applied(db, "apply", "--to", ids.get(27), "--yes");
		db.jdbc().execute("DROP SCHEMA migsh CASCADE");
		db.jdbc().execute("CREATE TABLE \"SequelizeMeta\" (name varchar(255) NOT NULL UNIQUE, PRIMARY KEY (name))");
		ids.subList(0, 28).forEach(id -> db.jdbc().update("INSERT INTO \"SequelizeMeta\" VALUES (?)", id + ".js"));

		// the README's example, as printed
		String readme = Files.readString(Path.of("README.md"));
		MigshProcess.Result r = runbook(db, "adopt-existing.msh", readmeSet(readme, "adopt-existing.msh").split(" "));

		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.stdout()).contains("Adopted 28 migration(s) from Sequelize")
			.contains("Still pending: 3")
			.contains("adds " + ids.get(28) + ".js, " + ids.get(29) + ".js, " + ids.get(30) + ".js")
			.contains("Applied 3 migrations.")
			.contains("Nothing to adopt");
		assertThat(db.jdbc().queryForList("SELECT name FROM \"SequelizeMeta\"", String.class))
			.containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + ".js").toList());
		assertThat(
				db.jdbc().queryForObject("SELECT count(*) FROM migsh.history WHERE state = 'adopted'", Integer.class))
			.isEqualTo(28);
	}

	@Test
	void theReadmesRunbookExamplesRunAsPrinted(TestDatabase db) throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		applied(db, "apply", "--yes");
		MigshProcess.Result undoLast = runbook(db, "undo-last.msh", readmeSet(readme, "undo-last.msh").split(" "));
		assertThat(undoLast.exitCode()).as(undoLast.all()).isZero();
		// adopt-existing.msh's example runs in
		// adoptExistingTakesOverTheSeedTeamsSequelizeProjectAndKeepsSequelizeMetaInStep
	}

	/** The {@code --set VAR=value} the README's table gives for a runbook. */
	private static String readmeSet(String readme, String script) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("--script scripts/" + java.util.regex.Pattern.quote(script) + " (--set \\S+?)`")
			.matcher(readme);
		assertThat(m.find()).as("README example for " + script).isTrue();
		return m.group(1);
	}

	@Test
	void freshDevDropsEverythingAndAppliesEveryMigrationAgain(TestDatabase db) throws Exception {
		applied(db, "apply", "--to", "010", "--yes");
		db.jdbc().execute("CREATE TABLE by_hand (id int)");
		db.jdbc()
			.execute("INSERT INTO users (email, password_hash, first_name, last_name) VALUES"
					+ " ('a@example.com', 'x', 'A', 'B')");
		MigshProcess.Result r = runbook(db, "fresh-dev.msh");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.stdout()).contains("Starting in 5 s; Ctrl-C cancels.")
			.contains("5… 4… 3… 2… 1… now.")
			.contains("✔ 0 pending");
		assertThat(exists(db, "public.by_hand")).isFalse();
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM users", Integer.class)).isZero();
		assertThat(exists(db, "public.chat_rooms")).isTrue();
	}

	@Test
	void freshDevRefusesAnywhereButDevelopment(TestDatabase db) throws Exception {
		db.jdbc().execute("CREATE TABLE precious (id int)");
		MigshProcess.Result guarded = runbook(db, "fresh-dev.msh", "--env", "staging");
		assertThat(guarded.exitCode()).as(guarded.all()).isEqualTo(5);
		assertThat(guarded.stdout()).doesNotContain("> reset");
		MigshProcess.Result direct = migsh(db, "--env", "production", "reset", "--yes");
		assertThat(direct.exitCode()).as(direct.all()).isEqualTo(3);
		assertThat(direct.all()).contains("for development only");
		assertThat(exists(db, "public.precious")).isTrue();
	}

	@Test
	void aRecordedInteractiveSessionReplaysToTheSameResult(TestDatabase db) throws Exception {
		String typed = "apply --to 011 --yes\nundo --yes\nnosuch\nexpect pending 20\nrecord session.msh\n";
		MigshProcess.Result session = MigshProcess.runTyping(this.dir, MigshProcess.env("MIGSH_ENV", "development"),
				typed, "--url", db.url(), "--migrations", this.migrations.toString());
		assertThat(session.exitCode()).as(session.all()).isZero();
		assertThat(Files.readString(this.dir.resolve("session.msh"))).as(session.all())
			.endsWith("apply --to 011 --yes\nundo --yes\nexpect pending 20\n");
		String expected = status(db);
		try (TestDatabase other = TestPostgres.createDatabase()) {
			MigshProcess.Result replay = MigshProcess.run(this.dir, MigshProcess.env("MIGSH_ENV", "development"),
					"--url", other.url(), "--migrations", this.migrations.toString(), "--script", "session.msh");
			assertThat(replay.exitCode()).as(replay.all()).isZero();
			assertThat(status(other)).isEqualTo(expected);
		}
	}

	private String status(TestDatabase db) {
		return String.join("\n",
				db.jdbc()
					.queryForList("SELECT migration_id || ' ' || state FROM migsh.history ORDER BY migration_id",
							String.class));
	}

	private MigshProcess.Result runbook(TestDatabase db, String script, String... options) throws Exception {
		List<String> args = new ArrayList<>(List.of("--url", db.url(), "--migrations", this.migrations.toString()));
		args.addAll(List.of(options));
		args.addAll(List.of("--script", SCRIPTS.resolve(script).toString()));
		return MigshProcess.run(this.dir, MigshProcess.env("MIGSH_ENV", "development"), args.toArray(String[]::new));
	}

	private void applied(TestDatabase db, String... command) throws Exception {
		MigshProcess.Result r = migsh(db, command);
		assertThat(r.exitCode()).as(r.all()).isZero();
	}

	private MigshProcess.Result migsh(TestDatabase db, String... command) throws Exception {
		List<String> args = new ArrayList<>(List.of("--url", db.url(), "--migrations", this.migrations.toString()));
		args.addAll(List.of(command));
		return MigshProcess.run(this.dir, MigshProcess.env("MIGSH_ENV", "development"), args.toArray(String[]::new));
	}

	private static boolean exists(TestDatabase db, String table) {
		return db.jdbc().queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table);
	}

	private static boolean column(TestDatabase db, String table, String column) {
		return db.jdbc()
			.queryForObject(
					"SELECT count(*) > 0 FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
					Boolean.class, table, column);
	}

}
