package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pre-flight covers what every changing command needs: a read-only session is refused
 * before any countdown or question, naming it; a user without a privilege on migsh's own
 * tables is refused naming the privilege and the GRANT to run, before anything runs.
 */
@ExtendWith(FreshDatabase.class)
class PreflightForEveryChangeTest {

	@TempDir
	Path dir;

	private Map<String, String> env(String url) {
		Map<String, String> env = new HashMap<>();
		env.put("MIGSH_URL", url);
		env.put("USER", "tester");
		env.put("MIGSH_ENV", "development");
		return env;
	}

	/**
	 * 001 and 002 applied, 003 undone (its column kept in the trash) and pending, 001's
	 * file edited: every changing command has work to do.
	 */
	private void prepare(TestDatabase db) throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("001-t.sql"),
				"-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;\n");
		Files.writeString(migrations.resolve("002-row.sql"),
				"-- migrate:up\nINSERT INTO t VALUES (1);\n-- migrate:down\nDELETE FROM t;\n");
		Files.writeString(migrations.resolve("003-c.sql"),
				"-- migrate:up\nALTER TABLE t ADD COLUMN c int;\n-- migrate:down\nALTER TABLE t DROP COLUMN c;\n");
		try (ShellHarness dev = new ShellHarness(env(db.url()), this.dir, this.dir)) {
			assertThat(dev.run("apply")).as(dev.out() + dev.err()).isEqualTo(ExitCode.OK);
			assertThat(dev.run("undo --yes --allow-data-loss")).as(dev.out() + dev.err()).isEqualTo(ExitCode.OK);
		}
		Files.writeString(migrations.resolve("001-t.sql"),
				"-- migrate:up\n-- edited\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;\n");
		// another tool recorded 004, whose table exists: adopt has work too
		Files.writeString(migrations.resolve("004-u.sql"), "-- migrate:up\nCREATE TABLE u (id int);\n");
		db.jdbc().execute("CREATE TABLE u (id int)");
		db.jdbc().execute("CREATE TABLE \"SequelizeMeta\" (name varchar(255) PRIMARY KEY)");
		db.jdbc().execute("INSERT INTO \"SequelizeMeta\" VALUES ('004-u.js')");
	}

	private static String state(TestDatabase db) {
		return db.jdbc()
			.queryForList("SELECT migration_id || ':' || state || ':' || up_checksum FROM migsh.history ORDER BY 1",
					String.class)
				+ " audit " + db.jdbc().queryForObject("SELECT count(*) FROM migsh.audit", Long.class) + " trash "
				+ db.jdbc()
					.queryForObject("SELECT count(*) FROM pg_tables WHERE schemaname = 'migsh_trash'", Long.class)
				+ " columns "
				+ db.jdbc()
					.queryForList("SELECT attname FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0"
							+ " AND NOT attisdropped ORDER BY attnum", String.class);
	}

	@Test
	void aReadOnlySessionRefusesEveryChangingCommandBeforeAnyQuestion(TestDatabase db) throws Exception {
		prepare(db);
		String before = state(db);
		db.jdbc().execute("ALTER DATABASE " + db.name() + " SET default_transaction_read_only = on");
		try (ShellHarness shell = new ShellHarness(env(db.url()), this.dir, this.dir)) {
			for (String change : new String[] { "apply", "undo", "mark-applied 003", "mark-pending 002", "repair",
					"repair --from-audit", "reset", "trash purge", "adopt", "baseline" }) {
				int out = shell.out().length();
				int err = shell.err().length();
				// a prompter that fails the test if anything is asked
				ExitCode code = shell.run(change, new Prompter() {

					@Override
					public boolean interactive() {
						return true;
					}

					@Override
					public String readLine(String prompt) {
						throw new AssertionError(change + " asked '" + prompt + "' on a read-only session");
					}

					@Override
					public String readSecret(String prompt) {
						throw new AssertionError(change + " asked for a secret");
					}

				});
				String said = shell.out().substring(out) + shell.err().substring(err);
				assertThat(code).as(change + "\n" + said).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
				assertThat(said).as(change)
					.containsPattern("✖ primary\\s+the session is read-only \\(default_transaction_read_only is on\\)")
					.doesNotContain("25006")
					.doesNotContain("Exception");
			}
		}
		db.jdbc()
			.execute("BEGIN READ WRITE; ALTER DATABASE " + db.name() + " RESET default_transaction_read_only; COMMIT");
		assertThat(state(db)).as("nothing changed").isEqualTo(before);
	}

	/**
	 * A role that may do everything a change needs on migsh's tables but {@code revoke}.
	 */
	private String limitedUrl(TestDatabase db, String role, String revoke) {
		db.jdbc()
			.execute("CREATE ROLE " + role + " LOGIN; GRANT USAGE ON SCHEMA migsh, public TO " + role
					+ "; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA migsh TO " + role
					+ "; GRANT USAGE ON ALL SEQUENCES IN SCHEMA migsh TO " + role + "; GRANT SELECT ON t TO " + role
					+ "; " + revoke.formatted(role));
		return "postgresql://" + role + "@localhost:" + db.port() + "/" + db.name();
	}

	@Test
	void aMissingPrivilegeOnMigshsTablesIsNamedWithItsGrantBeforeAnythingRuns(TestDatabase db) throws Exception {
		prepare(db);
		Files.writeString(this.dir.resolve("migrations/001-t.sql"),
				"-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;\n");
		Files.writeString(this.dir.resolve("migrations/003-c.sql"), "-- migrate:up\nSELECT 1;\n");
		Files.delete(this.dir.resolve("migrations/004-u.sql"));
		String[][] cases = {
				{ "REVOKE UPDATE ON migsh.history FROM %s", "UPDATE on migsh.history",
						"GRANT UPDATE ON migsh.history TO " },
				{ "REVOKE USAGE ON SEQUENCE migsh.history_installed_rank_seq FROM %s",
						"USAGE on sequence migsh.history_installed_rank_seq",
						"GRANT USAGE ON SEQUENCE migsh.history_installed_rank_seq TO " },
				{ "REVOKE INSERT ON migsh.audit FROM %s", "INSERT on migsh.audit", "GRANT INSERT ON migsh.audit TO " },
				{ "REVOKE SELECT ON migsh.meta FROM %s", "SELECT on migsh.meta", "GRANT SELECT ON migsh.meta TO " },
				{ "REVOKE DELETE ON migsh.history FROM %s", "DELETE on migsh.history",
						"GRANT DELETE ON migsh.history TO " } };
		String before = state(db);
		for (int i = 0; i < cases.length; i++) {
			String role = db.name() + "_lacks" + i;
			String url = limitedUrl(db, role, cases[i][0]);
			try (ShellHarness shell = new ShellHarness(env(url), this.dir, this.dir)) {
				for (String change : new String[] { "apply", "mark-pending 002 --yes" }) {
					int out = shell.out().length();
					int err = shell.err().length();
					ExitCode code = shell.run(change);
					String said = shell.out().substring(out) + shell.err().substring(err);
					assertThat(code).as(cases[i][0] + ": " + change + "\n" + said)
						.isEqualTo(ExitCode.PREFLIGHT_REFUSED);
					assertThat(said).as(change)
						.containsPattern("✖ privileges\\s+user " + role + " lacks " + cases[i][1])
						.contains(cases[i][2] + role);
				}
			}
			assertThat(state(db)).as(cases[i][0] + ": nothing changed").isEqualTo(before);
		}
	}

}
