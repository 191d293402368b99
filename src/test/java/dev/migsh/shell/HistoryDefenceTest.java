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
 * The history defends itself: a dropped or damaged history, audit or meta table, and a
 * history emptier than the audit trail, are reported by {@code status} with the fix and
 * refuse every change; {@code repair --from-audit} writes the lost rows back so that no
 * data migration runs twice.
 */
@ExtendWith(FreshDatabase.class)
class HistoryDefenceTest {

	@TempDir
	Path dir;

	private ShellHarness shell(TestDatabase db) throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("001-t.sql"),
				"-- migrate:up\nCREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n-- migrate:down\nDROP TABLE t;\n");
		Files.writeString(migrations.resolve("002-more.sql"),
				"-- migrate:up\nINSERT INTO t VALUES (2);\n-- migrate:down\nDELETE FROM t WHERE id = 2;\n");
		Map<String, String> env = new HashMap<>();
		env.put("MIGSH_URL", db.url());
		env.put("USER", "tester");
		env.put("MIGSH_ENV", "development");
		ShellHarness shell = new ShellHarness(env, this.dir, this.dir);
		assertThat(shell.run("apply")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
		return shell;
	}

	private static int rows(TestDatabase db) {
		return db.jdbc().queryForObject("SELECT count(*) FROM t", Integer.class);
	}

	/** Runs {@code line}, returns what it printed (out and err). */
	private static String said(ShellHarness shell, String line, ExitCode expected) {
		int out = shell.out().length();
		int err = shell.err().length();
		ExitCode code = shell.run(line);
		String said = shell.out().substring(out) + shell.err().substring(err);
		assertThat(code).as(line + "\n" + said).isEqualTo(expected);
		assertThat(said).doesNotContain("this is a bug").doesNotContain("Exception");
		return said;
	}

	private static void everyChangeRefuses(ShellHarness shell, TestDatabase db) {
		int before = rows(db);
		for (String change : new String[] { "apply", "mark-applied 002", "mark-pending 001", "undo", "repair" }) {
			String said = said(shell, change, ExitCode.PREFLIGHT_REFUSED);
			assertThat(said).as(change).contains("damaged");
		}
		assertThat(rows(db)).as("no migration ran again").isEqualTo(before);
	}

	@Test
	void aDroppedHistoryTableIsReportedRefusesEveryChangeAndIsRebuiltFromTheAudit(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			db.jdbc().execute("DROP TABLE migsh.history");

			String status = said(shell, "status", ExitCode.FAILED);
			assertThat(status).contains("The history in schema migsh is damaged")
				.contains("table migsh.history is missing")
				.contains("the audit trail records 2 migration(s) as applied that the history has no row for:"
						+ " 001-t, 002-more")
				.contains("repair --from-audit");
			everyChangeRefuses(shell, db);

			String preview = said(shell, "repair --from-audit --dry-run", ExitCode.OK);
			assertThat(preview).contains("make migsh.history again")
				.contains("write the history row of 001-t as applied (audit entry #")
				.contains("write the history row of 002-more as applied")
				.contains("Dry run: nothing was changed.");
			assertThat(db.jdbc().queryForObject("SELECT to_regclass('migsh.history') IS NULL", Boolean.class)).isTrue();

			String rebuilt = said(shell, "repair --from-audit", ExitCode.OK);
			assertThat(rebuilt).contains("✔ rebuilt the history row of 001-t as applied from audit entry #")
				.contains("✔ rebuilt the history row of 002-more as applied");

			String clean = said(shell, "status", ExitCode.OK);
			assertThat(clean).doesNotContain("damaged").containsPattern("2 migrations: 2 applied");
			said(shell, "apply", ExitCode.OK);
			assertThat(rows(db)).as("no data migration ran twice").isEqualTo(2);
			assertThat(db.jdbc()
				.queryForList("SELECT migration_id || ' ' || state || ' ' || os_user FROM migsh.history ORDER BY 1",
						String.class))
				.containsExactly(
						"001-t applied tester@testhost".replace("tester@testhost", db.jdbc()
							.queryForObject("SELECT os_user FROM migsh.audit WHERE migration_id = '001-t' LIMIT 1",
									String.class)),
						"002-more applied " + db.jdbc()
							.queryForObject("SELECT os_user FROM migsh.audit WHERE migration_id = '002-more' LIMIT 1",
									String.class));
			assertThat(db.jdbc()
				.queryForObject("SELECT count(*) FROM migsh.audit WHERE action = 'repair-from-audit'", Integer.class))
				.as("made the table again, and one entry per rebuilt row")
				.isEqualTo(3);
			assertThat(db.jdbc()
				.queryForObject(
						"SELECT count(*) FROM information_schema.columns WHERE table_schema = 'migsh'"
								+ " AND table_name = 'history' AND column_name = 'accepted_up_checksum'",
						Integer.class))
				.as("the table made again has layout 2's columns")
				.isEqualTo(1);
		}
	}

	@Test
	void rowsDeletedFromTheHistoryAreNamedAndWrittenBack(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			said(shell, "mark-pending 002 --yes", ExitCode.OK);
			said(shell, "apply", ExitCode.OK);
			assertThat(rows(db)).isEqualTo(3);
			db.jdbc().execute("DELETE FROM migsh.history WHERE migration_id = '002-more'");

			assertThat(said(shell, "status", ExitCode.FAILED)).contains(
					"the audit trail records 1 migration(s) as applied that the history has no row for: 002-more");
			everyChangeRefuses(shell, db);
			said(shell, "repair --from-audit", ExitCode.OK);
			said(shell, "status", ExitCode.OK);
			said(shell, "apply", ExitCode.OK);
			assertThat(rows(db)).isEqualTo(3);
		}
	}

	@Test
	void aMigrationUndoneOrMarkedPendingIsNotALostRow(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			said(shell, "undo", ExitCode.OK);
			said(shell, "mark-pending 001 --yes", ExitCode.OK);
			String status = said(shell, "status", ExitCode.OK);
			assertThat(status).doesNotContain("damaged").contains("2 pending");
			assertThat(said(shell, "repair --from-audit", ExitCode.OK)).contains("Nothing to rebuild");
		}
	}

	@Test
	void aDroppedAuditTableIsReportedAndMadeAgainEmpty(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			db.jdbc().execute("DROP TABLE migsh.audit");
			assertThat(said(shell, "status", ExitCode.FAILED)).contains("table migsh.audit is missing")
				.contains("the audit trail starts again empty");
			everyChangeRefuses(shell, db);
			assertThat(said(shell, "repair --from-audit", ExitCode.OK))
				.contains("made migsh.audit again (empty: the entries it held are lost)");
			said(shell, "status", ExitCode.OK);
			said(shell, "apply", ExitCode.OK);
			assertThat(rows(db)).isEqualTo(2);
		}
	}

	@Test
	void aDroppedMetaTableIsMadeAgainWithTheLayout(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			db.jdbc().execute("DROP TABLE migsh.meta");
			assertThat(said(shell, "status", ExitCode.FAILED)).contains("table migsh.meta is missing");
			everyChangeRefuses(shell, db);
			assertThat(said(shell, "repair --from-audit", ExitCode.OK)).contains("made migsh.meta again");
			said(shell, "status", ExitCode.OK);
			assertThat(
					db.jdbc().queryForObject("SELECT value FROM migsh.meta WHERE key = 'layout_version'", String.class))
				.isEqualTo("2");
		}
	}

	@Test
	void unexpectedValuesAreReportedAsDamageWithTheFixNotACrash(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			db.jdbc().execute("ALTER TABLE migsh.history DROP CONSTRAINT history_state_check");
			db.jdbc().execute("UPDATE migsh.history SET state = 'weird' WHERE migration_id = '001-t'");
			assertThat(said(shell, "status", ExitCode.FAILED))
				.contains("the history row of 001-t has state 'weird', which migsh does not know")
				.contains("UPDATE migsh.history SET state = 'applied' WHERE migration_id = '001-t'");
			everyChangeRefuses(shell, db);
			db.jdbc().execute("UPDATE migsh.history SET state = 'applied'");

			db.jdbc().execute("ALTER TABLE migsh.history ALTER COLUMN applied_at DROP NOT NULL");
			db.jdbc().execute("UPDATE migsh.history SET applied_at = NULL WHERE migration_id = '002-more'");
			assertThat(said(shell, "status", ExitCode.FAILED))
				.contains("the history row of 002-more has no applied_at (NULL)");
			everyChangeRefuses(shell, db);
			db.jdbc().execute("UPDATE migsh.history SET applied_at = now()");

			db.jdbc().execute("UPDATE migsh.meta SET value = 'two' WHERE key = 'layout_version'");
			assertThat(said(shell, "status", ExitCode.FAILED))
				.contains("migsh.meta says layout_version is 'two', not a number")
				.contains("UPDATE migsh.meta SET value = '2' WHERE key = 'layout_version'");
			everyChangeRefuses(shell, db);
			db.jdbc().execute("UPDATE migsh.meta SET value = '2' WHERE key = 'layout_version'");

			db.jdbc().execute("ALTER TABLE migsh.history DROP COLUMN error");
			assertThat(said(shell, "status", ExitCode.FAILED)).contains("migsh.history lacks column(s) error");
			assertThat(said(shell, "apply", ExitCode.PREFLIGHT_REFUSED))
				.contains("damaged: migsh.history lacks column(s) error");
			assertThat(said(shell, "repair --from-audit", ExitCode.PREFLIGHT_REFUSED))
				.contains("damage repair --from-audit cannot mend");
			assertThat(rows(db)).isEqualTo(2);
		}
	}

	@Test
	void anAuditEntryThisMigshDoesNotKnowIsNamedNotACrash(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			db.jdbc()
				.execute("INSERT INTO migsh.audit (action, outcome, os_user) VALUES ('from-the-future', 'ok', 'x')");
			assertThat(said(shell, "history", ExitCode.FAILED)).contains("has entry #")
				.contains("with an action or outcome this migsh does not know");
			said(shell, "status", ExitCode.OK);
		}
	}

	@Test
	void withTheWholeSchemaDroppedApplyRefusesToCreateWhatExists(TestDatabase db) throws Exception {
		try (ShellHarness shell = shell(db)) {
			db.jdbc().execute("DROP SCHEMA migsh CASCADE");
			// the audit went with it: nothing says what ran, but the objects are there
			assertThat(said(shell, "status", ExitCode.OK))
				.contains("No history in schema migsh, but objects pending migrations create exist: 001-t (1 of")
				.contains("`mark-applied ID`");
			assertThat(said(shell, "apply", ExitCode.PREFLIGHT_REFUSED)).contains("objects to create")
				.contains("mark-applied");
			assertThat(rows(db)).isEqualTo(2);
		}
	}

}
