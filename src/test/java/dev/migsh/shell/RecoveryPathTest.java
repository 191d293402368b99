package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A non-transactional migration that failed at statement 3 of 3 (two ran and stay): the
 * failure and {@code status} offer three ways out, and each runs as printed and leaves
 * {@code status} clean.
 */
@ExtendWith(FreshDatabase.class)
class RecoveryPathTest {

	private static final String ID = "002-cols";

	private static final String UP = """
			-- migrate:up transaction:false
			ALTER TABLE t ADD COLUMN a int;
			ALTER TABLE t ADD COLUMN b int;
			ALTER TABLE t ADD COLUMN c no_such_type;
			-- migrate:down transaction:false
			ALTER TABLE t DROP COLUMN c;
			ALTER TABLE t DROP COLUMN b;
			ALTER TABLE t DROP COLUMN a;
			""";

	@TempDir
	Path dir;

	private Path migrations;

	/**
	 * Applies 001 (table t) and the failing 002; returns the commands the failure offers.
	 */
	private List<String> failTwoOfThree(ShellHarness shell, TestDatabase db) throws Exception {
		this.migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(this.migrations.resolve("001-t.sql"),
				"-- migrate:up\nCREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n-- migrate:down\nDROP TABLE t;\n");
		Files.writeString(this.migrations.resolve(ID + ".sql"), UP);
		assertThat(shell.run("apply")).as(shell.out() + shell.err()).isEqualTo(ExitCode.FAILED);
		assertThat(db.jdbc()
			.queryForObject("SELECT state || ' ' || statements_done || '/' || failed_statement"
					+ " FROM migsh.history WHERE migration_id = ?", String.class, ID))
			.isEqualTo("failed 2/3");
		List<String> offered = commands(shell.err());
		assertThat(offered).containsExactly("apply --resume " + ID, "undo " + ID, "mark-applied " + ID);
		int before = shell.out().length();
		assertThat(shell.run("status")).isEqualTo(ExitCode.OK);
		assertThat(commands(shell.out().substring(before) + shell.err())).containsSubsequence(offered);
		assertThat(shell.out().substring(before)).as("status offers the three ways out, not repair")
			.doesNotContain("repair");
		before = shell.out().length();
		assertThat(shell.run("show " + ID)).isEqualTo(ExitCode.OK);
		assertThat(shell.out().substring(before)).containsPattern("1\\. ran\\s+ALTER TABLE t ADD COLUMN a int")
			.containsPattern("2\\. ran\\s+ALTER TABLE t ADD COLUMN b int")
			.containsPattern("3\\. failed\\s+ALTER TABLE t ADD COLUMN c no_such_type")
			.as("the full down section is not offered for a failed migration")
			.doesNotContain("Rollback: undo");
		return offered;
	}

	private static List<String> commands(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = Pattern.compile("`((?:apply --resume|undo|mark-applied) [^`]+)`").matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private void statusIsClean(ShellHarness shell, String expectedState) {
		int before = shell.out().length();
		assertThat(shell.run("status")).isEqualTo(ExitCode.OK);
		String status = shell.out().substring(before);
		assertThat(status).doesNotContain("failed").containsPattern(ID + "\\s+" + expectedState);
	}

	private List<String> columns(TestDatabase db) {
		return db.jdbc()
			.queryForList("SELECT attname FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0"
					+ " AND NOT attisdropped ORDER BY attnum", String.class);
	}

	@Test
	void resumeRunsOnFromTheFixedStatementAndRecordsTheAcceptedText(TestDatabase db) throws Exception {
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			String resume = failTwoOfThree(shell, db).get(0);
			Files.writeString(this.migrations.resolve(ID + ".sql"), UP.replace("no_such_type", "int"));

			assertThat(shell.run(resume + " --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);

			assertThat(columns(db)).containsExactly("id", "a", "b", "c");
			statusIsClean(shell, "applied");
			assertThat(db.jdbc()
				.queryForObject("SELECT accepted_up_sql FROM migsh.history WHERE migration_id = ?", String.class, ID))
				.contains("ADD COLUMN c int");
			assertThat(db.jdbc()
				.queryForObject("SELECT up_sql FROM migsh.history WHERE migration_id = ?", String.class, ID))
				.contains("no_such_type");
		}
	}

	@Test
	void resumeRefusesWhenAStatementThatRanWasEdited(TestDatabase db) throws Exception {
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			String resume = failTwoOfThree(shell, db).get(0);
			Files.writeString(this.migrations.resolve(ID + ".sql"),
					UP.replace("no_such_type", "int").replace("COLUMN b int", "COLUMN b bigint"));

			assertThat(shell.run(resume + " --yes")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);

			assertThat(shell.out() + shell.err()).contains("statement 2 ran as `ALTER TABLE t ADD COLUMN b int`");
			assertThat(columns(db)).containsExactly("id", "a", "b");
		}
	}

	@Test
	void undoRevertsOnlyTheStatementsThatRanKeepingTheirDataInTheTrash(TestDatabase db) throws Exception {
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			String undo = failTwoOfThree(shell, db).get(1);
			db.jdbc().update("UPDATE t SET a = 7, b = 8");
			assertThat(shell.run("undo")).as("a plain undo does not step over the failed one")
				.isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.out()).contains("`undo " + ID + "` reverts the statements of it that ran");
			assertThat(shell.run("undo --dry-run")).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains(ID + " is recorded as failed; an undo is refused");

			assertThat(shell.run(undo)).as("refused without a confirmation").isNotEqualTo(ExitCode.OK);
			assertThat(columns(db)).containsExactly("id", "a", "b");
			int before = shell.out().length();
			assertThat(shell.run(undo + " --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);

			assertThat(shell.out().substring(before)).contains("ALTER TABLE t DROP COLUMN b;",
					"ALTER TABLE t DROP COLUMN a;");
			assertThat(shell.out().substring(before)).doesNotContain("DROP COLUMN c");
			assertThat(columns(db)).containsExactly("id");
			assertThat(db.jdbc()
				.queryForObject("SELECT count(*) FROM migsh.history WHERE migration_id = ?", Integer.class, ID))
				.isZero();
			assertThat(db.jdbc()
				.queryForObject("SELECT count(*) FROM migsh_trash.entries WHERE migration_id = ?", Integer.class, ID))
				.isEqualTo(2);
			statusIsClean(shell, "pending");
		}
	}

	@Test
	void undoOfAFailedMigrationWhoseDownDoesNotMirrorItsUpListsWhatRan(TestDatabase db) throws Exception {
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			String undo = failTwoOfThree(shell, db).get(1);
			Files.writeString(this.migrations.resolve(ID + ".sql"), UP.replace(
					"ALTER TABLE t DROP COLUMN c;\nALTER TABLE t DROP COLUMN b;\n", "ALTER TABLE t DROP COLUMN b;\n"));

			assertThat(shell.run(undo + " --yes")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);

			assertThat(shell.out() + shell.err()).contains("2 statement(s) for 3 up statements")
				.contains("1. ALTER TABLE t ADD COLUMN a int")
				.contains("2. ALTER TABLE t ADD COLUMN b int");
			assertThat(columns(db)).containsExactly("id", "a", "b");
		}
	}

	@Test
	void markAppliedTurnsAFailedRowCompletedByHandIntoAMarkedOne(TestDatabase db) throws Exception {
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			String mark = failTwoOfThree(shell, db).get(2);
			assertThat(shell.run(mark + " --yes")).as("column c is missing").isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			db.jdbc().execute("ALTER TABLE t ADD COLUMN c int");

			assertThat(shell.run(mark + " --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);

			statusIsClean(shell, "marked");
			assertThat(db.jdbc()
				.queryForObject("SELECT state || ' ' || statements_done || ' ' ||"
						+ " coalesce(error, '-') FROM migsh.history WHERE migration_id = ?", String.class, ID))
				.isEqualTo("marked 3 -");
		}
	}

	@Test
	void aFeatureNotSupportedErrorIsShownRecordedAndAuditedWithTheConnectionKept(TestDatabase db) throws Exception {
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			this.migrations = Files.createDirectories(this.dir.resolve("migrations"));
			// SQLSTATE 0A000, which HikariCP would take for a broken connection
			String check = "CREATE TABLE bad (a int CHECK (a IN (SELECT 1)));\n";
			Files.writeString(this.migrations.resolve("001-tx.sql"), "-- migrate:up\n" + check);
			Files.writeString(this.migrations.resolve("002-notx.sql"),
					"-- migrate:up transaction:false\nCREATE TABLE good (id int);\n" + check);

			assertThat(shell.run("apply 001-tx")).isEqualTo(ExitCode.FAILED);
			assertThat(shell.err()).contains("0A000 cannot use subquery in check constraint")
				.contains("Fix the statement")
				.doesNotContain("Lock lost");
			Files.writeString(this.migrations.resolve("001-tx.sql"), "-- migrate:up\nSELECT 1;\n");
			assertThat(shell.run("apply 001-tx")).isEqualTo(ExitCode.OK);
			assertThat(shell.run("apply 002-notx")).isEqualTo(ExitCode.FAILED);

			assertThat(shell.err()).contains("002-notx failed at up statement 2 of 2")
				.contains("cannot use subquery in check constraint")
				.doesNotContain("Lock lost");
			assertThat(db.jdbc()
				.queryForObject("SELECT error FROM migsh.history WHERE migration_id = '002-notx'", String.class))
				.contains("0A000 cannot use subquery in check constraint");
			assertThat(db.jdbc()
				.queryForList("SELECT migration_id || ' ' || outcome FROM migsh.audit WHERE action = 'apply'"
						+ " ORDER BY seq", String.class))
				.containsExactly("001-tx failed", "001-tx ok", "002-notx failed");
			assertThat(db.jdbc()
				.queryForObject(
						"SELECT detail FROM migsh.audit WHERE outcome = 'failed'" + " AND migration_id = '001-tx'",
						String.class))
				.contains("cannot use subquery");
		}
	}

}
