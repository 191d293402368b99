package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code adopt} as a team arriving from another tool uses it: the seed's Sequelize
 * project (the sample migrations, 28 of them recorded in SequelizeMeta), golang-migrate's
 * one-row table, and a Flyway history with its timestamps.
 */
@ExtendWith(FreshDatabase.class)
class AdoptCommandTest {

	private static final Path SAMPLE = Path.of("migrations").toAbsolutePath();

	@TempDir
	Path dir;

	/**
	 * The first {@code n} sample migrations applied by another tool: the schema is there,
	 * no migsh history.
	 */
	private static List<String> appliedByAnotherTool(TestDatabase db, int n) {
		Migrator engine = new Migrator(db.dataSource(), MigratorConfig.defaults(SAMPLE));
		List<String> ids = engine.status().rows().stream().map(r -> r.id()).limit(n).toList();
		engine.apply(ApplyRequest.of(ApplyTarget.upTo(ids.get(n - 1))), ApplyListener.NONE, Cancellation.none());
		db.jdbc().execute("DROP SCHEMA migsh CASCADE");
		return ids;
	}

	private ShellHarness sampleShell(TestDatabase db) {
		return new ShellHarness(ShellHarness.env(db.url()), Path.of("").toAbsolutePath(), this.dir);
	}

	@Test
	void theSeedTeamsSequelizeHistoryIsAdoptedAndTheRestStaysPending(TestDatabase db) {
		List<String> ids = appliedByAnotherTool(db, 28);
		db.jdbc().execute("CREATE TABLE \"SequelizeMeta\" (name varchar(255) NOT NULL UNIQUE, PRIMARY KEY (name))");
		ids.forEach(id -> db.jdbc().update("INSERT INTO \"SequelizeMeta\" VALUES (?)", id + ".js"));

		try (ShellHarness shell = sampleShell(db)) {
			assertThat(shell.run("adopt --dry-run")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Sequelize history in public.\"SequelizeMeta\": 28 row(s)")
				.containsPattern("001-create-users\\.js\\s+applied\\s+001-create-users\\s+adopt \\(by file name\\)")
				.contains("Dry run: nothing was recorded.");
			assertThat(db.jdbc().queryForObject("SELECT to_regclass('migsh.history') IS NULL", Boolean.class)).isTrue();

			assertThat(shell.run("adopt --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Adopted 28 migration(s) from Sequelize").contains("Still pending: 3");
			assertThat(
					db.jdbc().queryForObject("SELECT count(*) FROM migsh.history WHERE state = 'adopted'", Long.class))
				.isEqualTo(28);
			assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.audit WHERE action = 'adopt'", Long.class))
				.isEqualTo(28);
			assertThat(db.jdbc().queryForObject("SELECT count(*) FROM \"SequelizeMeta\"", Long.class)).isEqualTo(28);

			assertThat(shell.run("status")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("3 pending");

			assertThat(shell.run("adopt --yes")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Nothing to adopt");
			assertThat(shell.run("apply --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Applied 3 migrations.");
		}
	}

	@Test
	void aMissingObjectStopsAdoptBeforeAnythingIsWritten(TestDatabase db) {
		List<String> ids = appliedByAnotherTool(db, 3);
		db.jdbc().execute("DROP TABLE enrollments");
		db.jdbc().execute("CREATE TABLE \"SequelizeMeta\" (name varchar(255) PRIMARY KEY)");
		ids.forEach(id -> db.jdbc().update("INSERT INTO \"SequelizeMeta\" VALUES (?)", id + ".js"));

		try (ShellHarness shell = sampleShell(db)) {
			assertThat(shell.run("adopt --yes")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.out()).containsPattern("✖ verification\\s+objects missing in 003-create-enrollments")
				.contains("table enrollments");
			assertThat(db.jdbc().queryForObject("SELECT to_regclass('migsh.history') IS NULL", Boolean.class)).isTrue();
		}
	}

	@Test
	void golangMigratesOneRowStandsForEverythingUpToItsVersion(TestDatabase db) throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		for (int i = 1; i <= 4; i++) {
			Files.writeString(migrations.resolve("00000" + i + "_t" + i + ".up.sql"),
					"CREATE TABLE t" + i + " (id int);\n");
			Files.writeString(migrations.resolve("00000" + i + "_t" + i + ".down.sql"), "DROP TABLE t" + i + ";\n");
		}
		Stream.of(1, 2, 3).forEach(i -> db.jdbc().execute("CREATE TABLE t" + i + " (id int)"));
		db.jdbc()
			.execute("CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)");
		db.jdbc().execute("INSERT INTO schema_migrations VALUES (3, false)");

		try (ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir)) {
			assertThat(shell.run("adopt --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(db.jdbc().queryForList("SELECT migration_id FROM migsh.history ORDER BY 1", String.class))
				.containsExactly("000001_t1", "000002_t2", "000003_t3");
			assertThat(shell.run("apply --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(db.jdbc().queryForObject("SELECT version FROM schema_migrations", Long.class))
				.as("nothing is written to the other tool's table without --keep-history")
				.isEqualTo(3);
		}
	}

	@Test
	void flywayRowsKeepTheirTimeAndFailedRowsAreNotAdopted(TestDatabase db) throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__create_people.sql"), "CREATE TABLE people (id int);\n");
		Files.writeString(migrations.resolve("V2__create_pets.sql"), "CREATE TABLE pets (id int);\n");
		db.jdbc().execute("CREATE TABLE people (id int)");
		db.jdbc().execute("""
				CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),
					description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL,
					checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),
					execution_time int NOT NULL, success boolean NOT NULL)""");
		db.jdbc()
			.execute(
					"INSERT INTO flyway_schema_history VALUES (1, '1', 'create people', 'SQL', 'V1__create_people.sql',"
							+ " 123, 'app', '2024-03-01 10:00:00', 12, true), (2, '2', 'create pets', 'SQL',"
							+ " 'V2__create_pets.sql', 456, 'app', '2024-03-02 10:00:00', 3, false)");

		try (ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir)) {
			assertThat(shell.run("adopt --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern("V2__create_pets\\S*\\s+failed\\s+V2__create_pets\\s+not adopted");
			assertThat(db.jdbc().queryForList("SELECT migration_id FROM migsh.history", String.class))
				.containsExactly("V1__create_people");
			assertThat(db.jdbc()
				.queryForObject(
						"SELECT to_char(applied_at AT TIME ZONE current_setting('TimeZone'), 'YYYY-MM-DD HH24:MI')"
								+ " FROM migsh.history",
						String.class))
				.isEqualTo("2024-03-01 10:00");
		}
	}

}
