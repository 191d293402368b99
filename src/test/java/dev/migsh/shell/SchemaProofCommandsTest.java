package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * baseline and drift through the real dispatcher: files, history rows, output and exit
 * codes.
 */
@ExtendWith(FreshDatabase.class)
class SchemaProofCommandsTest {

	@TempDir
	Path dir;

	private ShellHarness shell(TestDatabase db) throws Exception {
		Files.createDirectories(this.dir.resolve("migrations"));
		db.jdbc().execute("""
				CREATE TYPE mood AS ENUM ('sad', 'happy');
				CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE,
				                    feeling mood DEFAULT 'happy');
				CREATE TABLE orders (id serial PRIMARY KEY, user_id bigint REFERENCES users, status text DEFAULT 'new');
				CREATE INDEX orders_status_idx ON orders (status) WHERE status <> 'done';
				COMMENT ON TABLE users IS 'People'""");
		return ShellHarness.connectedTo(db.url(), this.dir);
	}

	@Test
	void baselineWritesTheFileAndRecordsItAfterTheProof(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("baseline")).as(shell.err()).isEqualTo(ExitCode.OK);

			List<Path> files = migrationFiles();
			assertThat(files).extracting((p) -> p.getFileName().toString()).containsExactly("001-baseline.sql");
			String text = Files.readString(files.get(0));
			assertThat(text).contains("-- migrate:up\nSET LOCAL check_function_bodies = false;")
				.contains("CREATE TYPE public.mood AS ENUM ('sad', 'happy');")
				.contains("-- migrate:down\n-- A baseline has no down section");
			assertThat(shell.out()).contains("✔ Proof: built in database migsh_scratch_")
				.contains("Recorded 001-baseline as applied (baseline)");
			assertThat(db.jdbc().queryForList("SELECT state FROM migsh.history", String.class))
				.containsExactly("baseline");
			assertThat(db.jdbc()
				.queryForList("SELECT action || ' ' || outcome || ' ' || detail FROM migsh.audit", String.class))
				.singleElement()
				.asString()
				.startsWith("baseline ok proven in database migsh_scratch_")
				.endsWith("objects compared, no difference");
			assertThat(shell.run("status")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern("001-baseline\\s+baseline");
		}
	}

	@Test
	void baselineRefusesWhenMigrationsWereAppliedUnlessForced(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			Files.writeString(this.dir.resolve("migrations/001-notes.sql"),
					"-- migrate:up\nCREATE TABLE notes (id integer);\n");
			assertThat(shell.run("apply")).as(shell.err()).isEqualTo(ExitCode.OK);

			assertThat(shell.run("baseline")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.err()).contains("The history already has 1 applied migration(s)").contains("--force");
			assertThat(migrationFiles()).hasSize(1);

			assertThat(shell.run("baseline --force")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(migrationFiles()).extracting((p) -> p.getFileName().toString())
				.containsExactly("001-notes.sql", "002-baseline.sql");
		}
	}

	@Test
	void baselineDryRunAndOutputWriteNothingToTheDatabase(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			assertThat(shell.run("baseline --dry-run")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("CREATE TABLE public.orders (")
				.contains("Dry run: nothing was written or recorded.");

			Path output = this.dir.resolve("zero.sql");
			assertThat(shell.run("baseline --output " + output)).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(Files.readString(output)).contains("ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey");
			assertThat(shell.out()).contains("Wrote " + output + "; nothing was recorded.");

			assertThat(migrationFiles()).isEmpty();
			assertThat(db.jdbc().queryForObject("SELECT to_regclass('migsh.history') IS NULL", Boolean.class)).isTrue();
		}
	}

	@Test
	void driftAfterABaselineFindsNothingThenTheHandChangesAndExitsOne(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			shell.run("baseline");
			assertThat(shell.run("drift")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Replayed 1 applied migration(s)").contains("✔ No drift");

			db.jdbc().execute("ALTER TABLE users ADD COLUMN bio text");
			db.jdbc().execute("DROP INDEX orders_status_idx");
			db.jdbc().execute("ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending'");

			assertThat(shell.run("drift")).isEqualTo(ExitCode.FAILED);
			assertThat(shell.out()).contains("In the database, not in the migrations (made by hand):")
				.contains("  column public.users.bio\n      ALTER TABLE public.users ADD COLUMN bio text;")
				.contains("In the migrations, not in the database:")
				.contains("      CREATE INDEX orders_status_idx ON public.orders USING btree (status)")
				.contains("Changed by hand:")
				.contains("column public.orders.status default: 'pending'::text in the database, 'new'::text in the"
						+ " migrations")
				.contains(
						"in the database:   ALTER TABLE public.orders ADD COLUMN status text DEFAULT 'pending'::text;")
				.contains("✖ Drift: 3 difference(s)");

			assertThat(shell.run("drift --json")).isEqualTo(ExitCode.FAILED);
			assertThat(shell.out()).contains("\"kind\":\"only_in_database\"").contains("\"name\":\"public.users.bio\"");
		}
	}

	@Test
	void describeNamesTheMigrationsThatMadeTheTableAndEachColumn(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			shell.run("baseline");
			Files.writeString(this.dir.resolve("migrations/002-add-bio.sql"),
					"-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n-- migrate:down\nALTER TABLE users DROP COLUMN bio;\n");
			assertThat(shell.run("apply")).as(shell.err()).isEqualTo(ExitCode.OK);
			db.jdbc().execute("ALTER TABLE users ADD COLUMN nickname text");

			assertThat(shell.run("describe users")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Migrations:")
				.containsPattern(
						"001-baseline\\s+baseline \\d{4}-\\d\\d-\\d\\d: created the table; commented on the table")
				.containsPattern("002-add-bio\\s+applied \\d{4}-\\d\\d-\\d\\d: added column bio")
				.contains("Columns by migration:")
				.containsPattern("email\\s+created by 001-baseline")
				.containsPattern("bio\\s+added by 002-add-bio")
				.containsPattern("nickname\\s+no migration \\(made by hand\\?\\)");

			assertThat(shell.run("describe users --json")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("\"migrations\":{\"migrations\":[{\"migrationId\":\"001-baseline\"");
		}
	}

	private List<Path> migrationFiles() throws Exception {
		try (Stream<Path> files = Files.list(this.dir.resolve("migrations"))) {
			return files.sorted().toList();
		}
	}

}
