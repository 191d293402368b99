package dev.migsh.core.safety;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.MigrationFolder;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.safety.CheckResult.Status;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 item 5: pre-flight names the INVALID indexes a failed CREATE INDEX
 * CONCURRENTLY left on the tables a plan touches (⚠, with the rebuild that runs as
 * printed), and refuses (✖) a plan whose CREATE INDEX IF NOT EXISTS would keep one.
 */
@ExtendWith(FreshDatabase.class)
class InvalidIndexCheckTest {

	@TempDir
	Path dir;

	private CheckResult run(TestDatabase db, MigrationFolder folder) {
		return Preflight.runOne(new InvalidIndexCheck(), Preflights.context(db.dataSource(), folder.config(),
				dev.migsh.core.connect.TargetDatabase.development(db.name()), ApplyTarget.all(), false));
	}

	/**
	 * t(v) with a duplicate, and the INVALID unique index t_v a concurrent build left.
	 */
	static void leaveInvalidIndex(TestDatabase db) throws Exception {
		db.jdbc().execute("CREATE TABLE t (id int, v int); INSERT INTO t VALUES (1, 1), (2, 1)");
		try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
			c.setAutoCommit(true);
			assertThatThrownBy(() -> st.execute("CREATE UNIQUE INDEX CONCURRENTLY t_v ON t (v)"))
				.hasMessageContaining("could not create unique index");
		}
		assertThat(db.jdbc()
			.queryForObject("SELECT NOT indisvalid FROM pg_index WHERE indexrelid = 't_v'::regclass", Boolean.class))
			.isTrue();
	}

	/**
	 * Runs each statement of a hint's {@code ...: STMT; STMT;} tail on its own, as
	 * printed.
	 */
	static void runAsPrinted(TestDatabase db, String statements) throws Exception {
		try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
			c.setAutoCommit(true);
			for (String sql : Arrays.stream(statements.split(";"))
				.map(String::strip)
				.filter(s -> !s.isEmpty())
				.toList()) {
				st.execute(sql);
			}
		}
	}

	@Test
	void anInvalidIndexOnATouchedTableIsAWarningWithARebuildThatRunsAsPrinted(TestDatabase db) throws Exception {
		leaveInvalidIndex(db);
		db.jdbc().execute("DELETE FROM t WHERE id = 2");
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-col.sql",
				"-- migrate:up\nALTER TABLE t ADD COLUMN w int;\n");

		CheckResult result = run(db, folder);

		assertThat(result.status()).as(result.line()).isEqualTo(Status.WARN);
		assertThat(result.line()).contains("index public.t_v on t is INVALID");
		assertThat(result.hint()).contains("DROP INDEX CONCURRENTLY IF EXISTS public.t_v;",
				"CREATE UNIQUE INDEX CONCURRENTLY t_v ON public.t USING btree (v);");
		runAsPrinted(db, result.hint().substring(result.hint().indexOf(": ") + 2));
		assertThat(db.jdbc()
			.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_v'::regclass", Boolean.class))
			.isTrue();
		assertThat(run(db, folder).status()).isEqualTo(Status.OK);
	}

	@Test
	void createIndexIfNotExistsMeetingAnInvalidIndexOfItsNameIsRefusedWithTheFix(TestDatabase db) throws Exception {
		leaveInvalidIndex(db);
		db.jdbc().execute("DELETE FROM t WHERE id = 2");
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-idx.sql",
				"-- migrate:up transaction:false\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_v ON t (v);\n");

		CheckResult result = run(db, folder);

		assertThat(result.status()).as(result.line()).isEqualTo(Status.FAIL);
		assertThat(result.line()).contains("001-idx creates index t_v IF NOT EXISTS",
				"index public.t_v on t is INVALID", "would keep the broken one");
		assertThat(result.hint()).endsWith("DROP INDEX CONCURRENTLY IF EXISTS public.t_v;");
		runAsPrinted(db, result.hint().substring(result.hint().indexOf(": ") + 2));
		assertThat(run(db, folder).status()).isEqualTo(Status.OK);
	}

	@Test
	void tablesWithoutInvalidIndexesPass(TestDatabase db) {
		db.jdbc().execute("CREATE TABLE t (id int, v int); CREATE INDEX t_v ON t (v)");
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-col.sql",
				"-- migrate:up\nALTER TABLE t ADD COLUMN w int;\n");

		CheckResult result = run(db, folder);

		assertThat(result.status()).isEqualTo(Status.OK);
		assertThat(result.line()).isEqualTo("no INVALID index on the 1 table touched");
	}

}
