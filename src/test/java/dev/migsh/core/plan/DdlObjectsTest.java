package dev.migsh.core.plan;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsh.core.catalog.SqlStatement;

import static org.assertj.core.api.Assertions.assertThat;

class DdlObjectsTest {

	private static List<SqlStatement> sql(String... statements) {
		return java.util.Arrays.stream(statements).map(s -> new SqlStatement(s, 1, 1)).toList();
	}

	@Test
	void findsTheObjectsStatementsCreate() {
		List<DbObject> created = DdlObjects.created(sql("CREATE TABLE IF NOT EXISTS app.\"Users\" (id int)",
				"CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email)", "CREATE INDEX ON users (name)",
				"CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql",
				"CREATE MATERIALIZED VIEW mv AS SELECT 1", "CREATE TYPE mood AS ENUM ('a')",
				"CREATE UNLOGGED TABLE scratch (id int)", "CREATE SCHEMA AUTHORIZATION bob",
				"INSERT INTO t VALUES (1)"));

		assertThat(created).extracting(DbObject::describe)
			.containsExactly("table app.\"Users\"", "index users_email", "function f", "materialized view mv",
					"type mood", "table scratch");
		assertThat(created.get(0).schema()).contains("app");
		assertThat(created.get(0).name()).isEqualTo("Users");
	}

	@Test
	void findsWhatStatementsDestroy() {
		List<DbObject> destroyed = DdlObjects.destroyed(sql("DROP TABLE IF EXISTS a, public.b CASCADE",
				"ALTER TABLE ONLY users DROP COLUMN bio, DROP CONSTRAINT users_ck, ALTER COLUMN x DROP DEFAULT, DROP age",
				"TRUNCATE TABLE logs", "DROP SCHEMA old CASCADE", "DROP INDEX users_email",
				"ALTER TABLE t ADD COLUMN drop_me int"));

		assertThat(destroyed).extracting(DbObject::describe)
			.containsExactly("table a", "table public.b", "column users.bio", "column users.age", "table logs",
					"schema old");
	}

	@Test
	void rollbackInstructionsSayWhatToDoWithoutADownSection() {
		assertThat(RollbackInstructions.NO_DOWN)
			.isEqualTo("no down section: rolling back needs a restore or a new migration");
	}

}
