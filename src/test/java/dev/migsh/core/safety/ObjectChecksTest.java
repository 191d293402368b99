package dev.migsh.core.safety;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.MigrationFolder;
import dev.migsh.core.connect.Environment;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.safety.CheckResult.Status;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class ObjectChecksTest {

	@TempDir
	Path dir;

	private CheckResult run(PreflightCheck check, TestDatabase db, MigrationFolder folder) {
		return Preflight.runOne(check, Preflights.context(db.dataSource(), folder.config(),
				dev.migsh.core.connect.TargetDatabase.development(db.name()), ApplyTarget.all(), false));
	}

	private MigrationFolder folder(String file, String up) {
		return new MigrationFolder(this.dir).write(file, "-- migrate:up\n" + up);
	}

	@Test
	void idempotentDdlPassesWhenItsObjectsExistAlready(TestDatabase db) {
		db.jdbc()
			.execute(
					"CREATE SCHEMA app; CREATE TABLE users (id int, email text); CREATE INDEX users_email ON users (email);"
							+ " CREATE SEQUENCE ids; CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql;"
							+ " CREATE VIEW v AS SELECT 1 AS one; CREATE EXTENSION IF NOT EXISTS plpgsql");
		MigrationFolder folder = folder("001-idempotent.sql", """
				CREATE TABLE IF NOT EXISTS users (id int, email text);
				CREATE INDEX IF NOT EXISTS users_email ON users (email);
				CREATE SEQUENCE IF NOT EXISTS ids;
				CREATE SCHEMA IF NOT EXISTS app;
				ALTER TABLE users ADD COLUMN IF NOT EXISTS email text;
				CREATE OR REPLACE FUNCTION f() RETURNS int AS 'SELECT 2' LANGUAGE sql;
				CREATE OR REPLACE VIEW v AS SELECT 1 AS one;
				CREATE EXTENSION IF NOT EXISTS plpgsql;
				DROP TABLE IF EXISTS gone;
				""");

		CheckResult create = run(new ExistingObjectsCheck(), db, folder);
		CheckResult change = run(new MissingObjectsCheck(), db, folder);

		assertThat(create.status()).as(create.line()).isEqualTo(Status.OK);
		assertThat(create.line()).contains("table users", "index users_email", "schema app", "column users.email",
				"IF NOT EXISTS makes them a no-op", "function f, view v exist: OR REPLACE replaces them");
		assertThat(change.status()).as(change.line()).isEqualTo(Status.OK);
	}

	@Test
	void aPlainCreateOfAnObjectCreatedEarlierInThePlanFails(TestDatabase db) {
		MigrationFolder folder = folder("001-twice.sql", "CREATE TABLE t (id int);\n").write("002-again.sql",
				"-- migrate:up\nCREATE TABLE t (id int);\n");

		CheckResult result = run(new ExistingObjectsCheck(), db, folder);

		assertThat(result.status()).isEqualTo(Status.FAIL);
		assertThat(result.line()).contains("002-again creates table t, which already exists");
	}

	@Test
	void alteringATableThatExistsNeitherInTheDatabaseNorInThePlanFailsNamingTheFileAndLine(TestDatabase db) {
		MigrationFolder folder = folder("001-alter.sql",
				"CREATE TABLE a (id int);\nALTER TABLE nosuch ADD COLUMN x int;\n");

		CheckResult result = run(new MissingObjectsCheck(), db, folder);

		assertThat(result.status()).isEqualTo(Status.FAIL);
		assertThat(result.line()).contains("001-alter (001-alter.sql:3) alters table nosuch, which does not exist");
	}

	@Test
	void dropsIndexesCommentsAndForeignKeysOfMissingTablesFail(TestDatabase db) {
		MigrationFolder folder = folder("001-missing.sql", """
				CREATE TABLE orders (id int, user_id int REFERENCES customers (id));
				CREATE INDEX ON ghosts (id);
				COMMENT ON TABLE phantoms IS 'x';
				DROP TABLE vanished;
				""");

		CheckResult result = run(new MissingObjectsCheck(), db, folder);

		assertThat(result.status()).isEqualTo(Status.FAIL);
		assertThat(result.line()).contains("uses table customers", "uses table ghosts", "uses table phantoms",
				"drops table vanished");
	}

	@Test
	void objectsCreatedOrRenamedEarlierInThePlanMayBeChanged(TestDatabase db) {
		MigrationFolder folder = folder("001-create.sql", """
				CREATE SCHEMA app;
				CREATE TABLE app.t (id int);
				CREATE TABLE u (id int REFERENCES app.t (id));
				""").write("002-change.sql", """
				-- migrate:up
				ALTER TABLE app.t ADD COLUMN name text;
				CREATE INDEX t_name ON app.t (name);
				COMMENT ON COLUMN app.t.name IS 'the name';
				ALTER TABLE u RENAME TO users;
				ALTER TABLE users ADD COLUMN x int;
				DROP TABLE users;
				""");

		CheckResult change = run(new MissingObjectsCheck(), db, folder);
		CheckResult privileges = run(new PrivilegeCheck(), db, folder);

		assertThat(change.status()).as(change.line()).isEqualTo(Status.OK);
		assertThat(privileges.status()).as(privileges.line()).isEqualTo(Status.OK);
	}

	@Test
	void aColumnRenamedEarlierInThePlanMayBeDroppedButItsOldNameMayNot(TestDatabase db) {
		db.jdbc().execute("CREATE TABLE people (id int, nick text)");
		MigrationFolder ok = folder("001-rename.sql",
				"ALTER TABLE people RENAME COLUMN nick TO alias;\nALTER TABLE people DROP COLUMN alias;\n");

		CheckResult renamed = run(new MissingObjectsCheck(), db, ok);
		ok.write("001-rename.sql",
				"-- migrate:up\nALTER TABLE people RENAME COLUMN nick TO alias;\nALTER TABLE people DROP COLUMN nick;\n");
		CheckResult old = run(new MissingObjectsCheck(), db, ok);

		assertThat(renamed.status()).as(renamed.line()).isEqualTo(Status.OK);
		assertThat(old.status()).isEqualTo(Status.FAIL);
		assertThat(old.line()).contains("drops column people.nick, which does not exist");
	}

	@Test
	void indexesAndSequencesATableMakesByItselfMayBeChanged(TestDatabase db) {
		db.jdbc().execute("CREATE TABLE old_users (id int, email text)");
		MigrationFolder folder = folder("001-implicit.sql", """
				CREATE TABLE orders (id serial PRIMARY KEY, code text UNIQUE);
				ALTER SEQUENCE orders_id_seq RESTART WITH 100;
				ALTER INDEX orders_code_key RENAME TO orders_code_unique;
				ALTER TABLE old_users ADD CONSTRAINT old_users_email_key UNIQUE (email);
				DROP INDEX old_users_email_key;
				DROP SEQUENCE unrelated_seq;
				""");

		CheckResult result = run(new MissingObjectsCheck(), db, folder);

		assertThat(result.status()).isEqualTo(Status.FAIL);
		assertThat(result.line()).contains("drops sequence unrelated_seq").doesNotContain("orders_", "old_users_");
	}

	@Test
	void unqualifiedNamesResolveThroughTheSearchPath(TestDatabase db) {
		db.jdbc().execute("CREATE SCHEMA app; CREATE TABLE app.accounts (id int)");
		db.jdbc().execute("ALTER DATABASE " + db.name() + " SET search_path = app, public");
		MigrationFolder folder = folder("001-alter.sql", "ALTER TABLE accounts ADD COLUMN name text;\n");

		CheckResult inPath = run(new MissingObjectsCheck(), db, folder);
		db.jdbc().execute("ALTER DATABASE " + db.name() + " SET search_path = public");
		CheckResult outOfPath = run(new MissingObjectsCheck(), db, folder);

		assertThat(inPath.status()).as(inPath.line()).isEqualTo(Status.OK);
		assertThat(outOfPath.status()).isEqualTo(Status.FAIL);
		assertThat(outOfPath.line()).contains("alters table accounts, which does not exist");
	}

	@Test
	void aMissingObjectAfterADoBlockIsOnlyAWarning(TestDatabase db) {
		MigrationFolder folder = folder("001-dynamic.sql",
				"DO $$ BEGIN EXECUTE 'CREATE TABLE dyn (id int)'; END $$;\nALTER TABLE dyn ADD COLUMN x int;\n");

		CheckResult result = run(new MissingObjectsCheck(), db, folder);

		assertThat(result.status()).isEqualTo(Status.WARN);
		assertThat(result.line()).contains("alters table dyn", "unless an earlier DO block");
	}

}
