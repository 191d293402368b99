package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code --keep-history TOOL}: after migsh applies, undoes or marks a migration, the
 * other tool's own table says what that tool would have written, so an application that
 * still runs the old migrator at start-up finds nothing to do. Flyway itself is the judge
 * of its rows.
 */
@ExtendWith(FreshDatabase.class)
class KeepHistoryTest {

	@TempDir
	Path dir;

	private Path folder() throws Exception {
		return Files.createDirectories(this.dir.resolve("migrations"));
	}

	private ShellHarness shell(TestDatabase db) {
		return new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir);
	}

	private static Flyway flyway(TestDatabase db, Path folder) {
		return Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + folder).load();
	}

	@Test
	void flywayValidatesAfterMigshAppliedTwoMoreAndAfterAnUndoAndReapply(TestDatabase db) throws Exception {
		Path folder = folder();
		// a byte order mark and CRLF line ends: Flyway's checksum ignores both
		Files.writeString(folder.resolve("V1__create_people.sql"), "\uFEFFCREATE TABLE people (id int);\r\n");
		Files.writeString(folder.resolve("U1__create_people.sql"), "DROP TABLE people;\n");
		Files.writeString(folder.resolve("V1_1__create_pets.sql"), "CREATE TABLE pets (id int);\n");
		Files.writeString(folder.resolve("U1_1__create_pets.sql"), "DROP TABLE pets;\n");
		flyway(db, folder).migrate();
		Files.writeString(folder.resolve("V2__create_toys.sql"),
				"-- toys\nCREATE TABLE toys (id int);\n\nCREATE INDEX toys_id ON toys (id);\n");
		Files.writeString(folder.resolve("U2__create_toys.sql"), "DROP TABLE toys;\n");
		Files.writeString(folder.resolve("V3__add_toy_name.sql"), "ALTER TABLE toys ADD COLUMN name text;");
		Files.writeString(folder.resolve("U3__add_toy_name.sql"), "ALTER TABLE toys DROP COLUMN name;\n");

		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("adopt --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.run("apply --dry-run --keep-history flyway")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(shell.out())
				.containsPattern("✔ keep history\\s+Flyway public.flyway_schema_history: adds SQL rows"
						+ " V2__create_toys.sql \\(checksum -?\\d+\\), V3__add_toy_name.sql");
			assertThat(rows(db)).isEqualTo(2);

			assertThat(shell.run("apply --keep-history flyway --yes")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
			assertFlywaySeesEverythingApplied(db, folder, 4);
			assertThat(db.jdbc()
				.queryForList("SELECT installed_rank, version, description, type, script, installed_by, success"
						+ " FROM flyway_schema_history WHERE installed_rank > 2 ORDER BY 1"))
				.extracting(r -> tuple(r.get("installed_rank"), r.get("version"), r.get("description"), r.get("type"),
						r.get("script"), r.get("installed_by"), r.get("success")))
				.containsExactly(tuple(3, "2", "create toys", "SQL", "V2__create_toys.sql", "postgres", true),
						tuple(4, "3", "add toy name", "SQL", "V3__add_toy_name.sql", "postgres", true));

			assertThat(shell.run("undo --keep-history flyway --yes")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(db.jdbc()
				.queryForObject("SELECT type FROM flyway_schema_history WHERE installed_rank = 5", String.class))
				.isEqualTo("DELETE");
			MigrationInfo three = flyway(db, folder).info().pending()[0];
			assertThat(three.getVersion().getVersion()).isEqualTo("3");
			assertThat(three.getState()).isEqualTo(MigrationState.PENDING);

			assertThat(shell.run("apply --keep-history flyway --yes")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
			assertFlywaySeesEverythingApplied(db, folder, 4);
			assertThat(rows(db)).isEqualTo(6);
		}
	}

	@Test
	void aFlywayTableMigshCreatedIsOneFlywayAccepts(TestDatabase db) throws Exception {
		Path folder = folder();
		// Flyway's checksum of this file ignores the byte order mark and the CRLF line
		// ends
		Files.writeString(folder.resolve("V1__create_people.sql"),
				"\uFEFF-- people\r\nCREATE TABLE people (id int);\r\n\r\n");
		Files.writeString(folder.resolve("V2__create_pets.sql"), "CREATE TABLE pets (id int);\n");

		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("apply --dry-run --keep-history flyway")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("(missing: created as Flyway creates it)");
			assertThat(shell.run("apply --keep-history flyway --yes")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
		}
		assertFlywaySeesEverythingApplied(db, folder, 2);
		assertThat(flyway(db, folder).migrate().migrationsExecuted).isZero();
	}

	private static void assertFlywaySeesEverythingApplied(TestDatabase db, Path folder, int count) {
		Flyway flyway = flyway(db, folder);
		var validation = flyway.validateWithResult();
		assertThat(validation.validationSuccessful).as(String.valueOf(validation.invalidMigrations)).isTrue();
		assertThat(flyway.info().applied()).filteredOn(m -> m.getState() == MigrationState.SUCCESS)
			.as("what Flyway counts as applied (an undone version shows as deleted besides)")
			.hasSize(count);
		assertThat(flyway.info().pending()).isEmpty();
	}

	private static int rows(TestDatabase db) {
		return db.jdbc().queryForObject("SELECT count(*) FROM flyway_schema_history", Integer.class);
	}

	@Test
	void golangMigratesRowFollowsApplyUndoAndADirtyFailure(TestDatabase db) throws Exception {
		Path folder = folder();
		for (int i = 1; i <= 4; i++) {
			Files.writeString(folder.resolve("00000" + i + "-t" + i + ".sql"),
					"-- migrate:up\nCREATE TABLE t" + i + " (id int);\n-- migrate:down\nDROP TABLE t" + i + ";\n");
		}
		db.jdbc().execute("CREATE TABLE t1 (id int)");
		db.jdbc().execute("CREATE TABLE t2 (id int)");
		db.jdbc()
			.execute("CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)");
		db.jdbc().execute("INSERT INTO schema_migrations VALUES (2, false)");

		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("adopt --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.run("apply --keep-history golang-migrate --yes")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(golangMigrate(db)).containsExactly(tuple(4L, false));

			assertThat(shell.run("undo --keep-history golang-migrate --yes")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(golangMigrate(db)).containsExactly(tuple(3L, false));

			Files.delete(folder.resolve("000004-t4.sql"));
			Files.writeString(folder.resolve("000005-t5.sql"),
					"-- migrate:up transaction:false\nSELECT 1 / 0;\n-- migrate:down\nSELECT 1;\n");
			assertThat(shell.run("apply --keep-history golang-migrate --yes")).isEqualTo(ExitCode.FAILED);
			assertThat(golangMigrate(db)).as("golang-migrate leaves a failed migration dirty")
				.containsExactly(tuple(5L, true));

			assertThat(shell.run("undo 000005 --keep-history golang-migrate --yes")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(golangMigrate(db)).as("reverting the failed migration cleans the row")
				.containsExactly(tuple(3L, false));

			Files.writeString(folder.resolve("000005-t5.sql"),
					"-- migrate:up transaction:false\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
			assertThat(shell.run("apply --keep-history golang-migrate --yes")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(golangMigrate(db)).as("dirty while it ran, clean once it succeeded")
				.containsExactly(tuple(5L, false));
		}
	}

	private static List<org.assertj.core.groups.Tuple> golangMigrate(TestDatabase db) {
		return db.jdbc()
			.queryForList("SELECT version, dirty FROM schema_migrations")
			.stream()
			.map(r -> tuple(r.get("version"), r.get("dirty")))
			.toList();
	}

	@Test
	void dbmateRowsFollowTheEnvironmentSettingAndNothingIsWrittenWithoutIt(TestDatabase db) throws Exception {
		Path folder = folder();
		for (int i = 1; i <= 3; i++) {
			Files.writeString(folder.resolve("2024010100000" + i + "-t" + i + ".sql"),
					"-- migrate:up\nCREATE TABLE t" + i + " (id int);\n-- migrate:down\nDROP TABLE t" + i + ";\n");
		}
		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("apply 20240101000001 --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).doesNotContain("keep history");
			assertThat(db.jdbc().queryForObject("SELECT to_regclass('schema_migrations') IS NULL", Boolean.class))
				.as("nothing is written to another tool's table without --keep-history")
				.isTrue();
		}
		Map<String, String> env = new HashMap<>(ShellHarness.env(db.url()));
		env.put("MIGSH_KEEP_HISTORY", "dbmate");
		try (ShellHarness shell = new ShellHarness(env, this.dir, this.dir)) {
			assertThat(shell.run("apply 20240101000002 --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.run("mark-applied 20240101000003 --allow-missing --yes")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(dbmate(db)).containsExactly("20240101000002", "20240101000003");
			assertThat(shell.run("mark-pending 20240101000002 --yes")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(dbmate(db)).containsExactly("20240101000003");
			assertThat(shell.run("apply --keep-history liquibase --dry-run")).isEqualTo(ExitCode.USAGE);
			assertThat(shell.err()).contains("golang-migrate, dbmate");
		}
	}

	@Test
	void theSeedTeamsSequelizeProjectIsAdoptedAndKeptInStep(TestDatabase db) {
		Path sample = Path.of("migrations").toAbsolutePath();
		Migrator engine = new Migrator(db.dataSource(), MigratorConfig.defaults(sample));
		List<String> ids = engine.status().rows().stream().map(r -> r.id()).toList();
		assertThat(ids).hasSize(31);
		engine.apply(ApplyRequest.of(ApplyTarget.upTo(ids.get(27))), ApplyListener.NONE, Cancellation.none());
		db.jdbc().execute("DROP SCHEMA migsh CASCADE");
		db.jdbc().execute("CREATE TABLE \"SequelizeMeta\" (name varchar(255) NOT NULL UNIQUE, PRIMARY KEY (name))");
		ids.subList(0, 28).forEach(id -> db.jdbc().update("INSERT INTO \"SequelizeMeta\" VALUES (?)", id + ".js"));

		try (ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), Path.of("").toAbsolutePath(),
				this.dir)) {
			assertThat(shell.run("adopt --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Adopted 28 migration(s) from Sequelize").contains("Still pending: 3");

			assertThat(shell.run("apply --keep-history sequelize --dry-run")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("✔ keep history")
				.contains("Sequelize public.\"SequelizeMeta\": adds " + ids.get(28) + ".js, " + ids.get(29) + ".js, "
						+ ids.get(30) + ".js");
			assertThat(sequelize(db)).hasSize(28);

			assertThat(shell.run("apply --keep-history sequelize --yes")).as(shell.out() + shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Applied 3 migrations.");
			assertThat(sequelize(db)).hasSize(31)
				.containsAll(ids.stream().map(id -> id + ".js").toList())
				.allSatisfy(name -> assertThat(name).endsWith(".js"));

			assertThat(shell.run("adopt --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Nothing to adopt");
			assertThat(shell.run("status")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("31 migrations: 31 applied\n");
		}
	}

	@Test
	void aRowTheOtherTableRefusesRollsTheMigrationBackWithIt(TestDatabase db) throws Exception {
		Path folder = folder();
		for (int i = 1; i <= 2; i++) {
			Files.writeString(folder.resolve("2024010100000" + i + "-t" + i + ".sql"),
					"-- migrate:up\nCREATE TABLE t" + i + " (id int);\n-- migrate:down\nDROP TABLE t" + i + ";\n");
		}
		db.jdbc()
			.execute("CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY"
					+ " CONSTRAINT not_two CHECK (version <> '20240101000002'))");

		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("apply --keep-history dbmate --yes")).isEqualTo(ExitCode.FAILED);
			assertThat(shell.err()).contains("could not record 20240101000002-t2 in the dbmate history")
				.contains("not_two")
				.doesNotContain("Exception");
			assertThat(db.jdbc().queryForList("SELECT migration_id FROM migsh.history", String.class))
				.as("migsh's row and the other tool's commit together, or not at all")
				.containsExactly("20240101000001-t1");
			assertThat(db.jdbc().queryForObject("SELECT to_regclass('t2') IS NULL", Boolean.class)).isTrue();
			assertThat(dbmate(db)).containsExactly("20240101000001");
		}
	}

	private static List<String> sequelize(TestDatabase db) {
		return db.jdbc().queryForList("SELECT name FROM \"SequelizeMeta\"", String.class);
	}

	private static List<String> dbmate(TestDatabase db) {
		return db.jdbc().queryForList("SELECT version FROM schema_migrations ORDER BY 1", String.class);
	}

}
