package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.TestDatabase;
import dev.migsh.testing.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every command that changes the database, as the registry lists them, is refused in
 * production when nobody can confirm it (exit code 3, nothing changed) and runs with
 * {@code --yes}. The list comes from the commands themselves: a new changing command with
 * no scenario here fails this test, so none can forget the guard. Production is what
 * migsh infers for the localhost test server when no --env or MIGSH_ENV is given.
 */
class EveryChangeIsGuardedTest {

	@TempDir
	Path dir;

	private static final String TABLE = """
			-- migrate:up
			CREATE TABLE %1$s (id bigint PRIMARY KEY, note text);
			CREATE INDEX %1$s_note ON %1$s (note);
			-- migrate:down
			DROP TABLE %1$s;
			""";

	/**
	 * A command line, and what the database must look like before it for it to have work
	 * to do.
	 */
	private record Scenario(String line, String withYes, Consumer<Setup> setup) {
	}

	/** A development session on the test database, for preparing the state. */
	private record Setup(ShellHarness dev, TestDatabase db, Path migrations) {

		void write(String file, String content) {
			try {
				Files.writeString(this.migrations.resolve(file), content);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

		void run(String line) {
			assertThat(this.dev.run(line)).as(line + "\n" + this.dev.out() + this.dev.err()).isEqualTo(ExitCode.OK);
		}

	}

	private static final Map<String, Scenario> SCENARIOS = Map.of("adopt", new Scenario("adopt", "adopt --yes", s -> {
		s.write("001-a.sql", TABLE.formatted("a"));
		s.db().jdbc().execute("CREATE TABLE a (id bigint PRIMARY KEY, note text)");
		s.db().jdbc().execute("CREATE INDEX a_note ON a (note)");
		s.db().jdbc().execute("CREATE TABLE \"SequelizeMeta\" (name varchar(255) PRIMARY KEY)");
		s.db().jdbc().execute("INSERT INTO \"SequelizeMeta\" VALUES ('001-a.js')");
	}), "apply", new Scenario("apply", "apply --yes", s -> s.write("001-a.sql", TABLE.formatted("a"))), "undo",
			new Scenario("undo --allow-data-loss", "undo --yes --allow-data-loss", s -> {
				s.write("001-a.sql", TABLE.formatted("a"));
				s.run("apply");
			}), "mark-applied", new Scenario("mark-applied 001", "mark-applied 001 --yes", s -> {
				s.write("001-a.sql", TABLE.formatted("a"));
				s.db().jdbc().execute("CREATE TABLE a (id bigint PRIMARY KEY, note text)");
				s.db().jdbc().execute("CREATE INDEX a_note ON a (note)");
			}), "mark-pending", new Scenario("mark-pending 001", "mark-pending 001 --yes", s -> {
				s.write("001-a.sql", TABLE.formatted("a"));
				s.run("apply");
			}), "repair", new Scenario("repair", "repair --yes", s -> {
				s.write("001-a.sql", TABLE.formatted("a"));
				s.run("apply");
				s.write("001-a.sql",
						TABLE.formatted("a").replace("CREATE INDEX", "-- edited after it ran\nCREATE INDEX"));
			}), "baseline",
			new Scenario("baseline", "baseline --yes",
					s -> s.db().jdbc().execute("CREATE TABLE legacy (id bigint PRIMARY KEY)")),
			"reset", new Scenario("reset", null, s -> {
				s.write("001-a.sql", TABLE.formatted("a"));
				s.run("apply");
			}), "trash", new Scenario("trash purge", "trash purge --yes", s -> {
				s.write("001-a.sql", TABLE.formatted("a"));
				s.run("apply");
				s.db().jdbc().execute("INSERT INTO a VALUES (1, 'kept')");
				s.run("undo --yes");
			}));

	@Test
	void everyChangingCommandHasAScenario() {
		Path home = this.dir.resolve("list");
		try (ShellHarness shell = new ShellHarness(Map.of("USER", "tester"), home, home)) {
			List<String> changing = shell.dispatcher.commands()
				.stream()
				.filter(MigshCommand::changesDatabase)
				.map(c -> c.getName())
				.toList();
			assertThat(changing).containsExactlyInAnyOrderElementsOf(SCENARIOS.keySet());
		}
	}

	@TestFactory
	Stream<DynamicTest> eachIsRefusedInProductionWithoutAConfirmationAndRunsWithYes() throws Exception {
		Path home = this.dir.resolve("list");
		Files.createDirectories(home);
		List<String> changing;
		try (ShellHarness shell = new ShellHarness(Map.of("USER", "tester"), home, home)) {
			changing = shell.dispatcher.commands()
				.stream()
				.filter(MigshCommand::changesDatabase)
				.map(c -> c.getName())
				.toList();
		}
		List<DynamicTest> tests = new ArrayList<>();
		for (String name : changing) {
			tests.add(DynamicTest.dynamicTest(name, () -> check(name)));
		}
		return tests.stream();
	}

	private void check(String name) throws Exception {
		Scenario scenario = SCENARIOS.get(name);
		if (scenario == null) {
			fail("no scenario for the changing command '" + name + "': add one to " + getClass().getSimpleName());
		}
		try (TestDatabase db = TestPostgres.createDatabase()) {
			Path work = Files.createDirectories(this.dir.resolve(name));
			Path migrations = Files.createDirectories(work.resolve("migrations"));
			try (ShellHarness dev = new ShellHarness(ShellHarness.env(db.url()), work, work)) {
				scenario.setup().accept(new Setup(dev, db, migrations));
			}
			String before = state(db);
			Map<String, String> env = new HashMap<>();
			env.put("MIGSH_URL", db.url());
			env.put("USER", "tester");
			try (ShellHarness production = new ShellHarness(env, work, work)) {
				ExitCode refused = production.run(scenario.line());
				String said = production.out() + production.err();
				assertThat(refused).as(said).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
				assertThat(said).containsAnyOf(
						"on PRODUCTION database " + db.name() + "), and this run is not interactive",
						"reset drops everything and is for development only");
				assertThat(state(db)).as("nothing changed by a refused " + name).isEqualTo(before);
				if (scenario.withYes() != null) {
					ExitCode confirmed = production.run(scenario.withYes());
					assertThat(confirmed).as(production.out() + production.err()).isEqualTo(ExitCode.OK);
					assertThat(production.out()).contains("confirmed in advance with --yes");
					assertThat(state(db)).as(name + " --yes changed something").isNotEqualTo(before);
				}
			}
		}
	}

	/**
	 * {@code repair --from-audit} is a change path of its own (the repair command's
	 * flag): refused in production without a confirmation, runs with {@code --yes}.
	 */
	@Test
	void repairFromAuditIsRefusedInProductionWithoutAConfirmationAndRunsWithYes() throws Exception {
		try (TestDatabase db = TestPostgres.createDatabase()) {
			Path work = Files.createDirectories(this.dir.resolve("from-audit"));
			Path migrations = Files.createDirectories(work.resolve("migrations"));
			try (ShellHarness dev = new ShellHarness(ShellHarness.env(db.url()), work, work)) {
				Setup setup = new Setup(dev, db, migrations);
				setup.write("001-a.sql", TABLE.formatted("a"));
				setup.run("apply");
			}
			db.jdbc().execute("DELETE FROM migsh.history");
			String before = state(db);
			Map<String, String> env = new HashMap<>();
			env.put("MIGSH_URL", db.url());
			env.put("USER", "tester");
			try (ShellHarness production = new ShellHarness(env, work, work)) {
				assertThat(production.run("repair --from-audit")).as(production.out() + production.err())
					.isEqualTo(ExitCode.PREFLIGHT_REFUSED);
				assertThat(production.out() + production.err())
					.contains("on PRODUCTION database " + db.name() + "), and this run is not interactive");
				assertThat(state(db)).isEqualTo(before);
				assertThat(production.run("repair --from-audit --yes")).as(production.out() + production.err())
					.isEqualTo(ExitCode.OK);
				assertThat(production.out()).contains("confirmed in advance with --yes");
				assertThat(state(db)).isNotEqualTo(before).contains("001-a:applied");
			}
		}
	}

	/** Tables, history rows and the audit trail's length: what a change would touch. */
	private static String state(TestDatabase db) {
		return db.jdbc()
			.queryForList("SELECT schemaname || '.' || tablename AS t FROM pg_tables"
					+ " WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", String.class)
			.toString() + historyRows(db);
	}

	private static String historyRows(TestDatabase db) {
		if (db.jdbc().queryForObject("SELECT to_regclass('migsh.history') IS NULL", Boolean.class)) {
			return " no history";
		}
		return db.jdbc()
			.queryForList("SELECT migration_id || ':' || state || ':' || coalesce(accepted_up_checksum, '-')"
					+ " FROM migsh.history ORDER BY 1", String.class)
			.toString() + " audit " + db.jdbc().queryForObject("SELECT count(*) FROM migsh.audit", Long.class);
	}

}
