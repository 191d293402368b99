package dev.migsh.core.adopt;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each tool's history table, created as that tool creates it, is found by its columns and
 * read into normalised entries.
 */
@ExtendWith(FreshDatabase.class)
class ForeignHistoriesTest {

	@Test
	void findsSequelizeMetaWithItsQuotedMixedCaseName(TestDatabase db) throws SQLException {
		JdbcTemplate jdbc = db.jdbc();
		jdbc.execute(ForeignTables.SEQUELIZE);
		jdbc.update("INSERT INTO \"SequelizeMeta\" VALUES ('002-create-courses.ts'), ('001-create-users.js')");

		ForeignHistory history = single(detect(db, List.of()));

		assertThat(history.tool()).isEqualTo(ForeignTool.SEQUELIZE);
		assertThat(history.qualifiedName()).isEqualTo("public.\"SequelizeMeta\"");
		assertThat(history.rowCount()).isEqualTo(2);
		assertThat(history.entries())
			.extracting(ForeignEntry::version, ForeignEntry::name, ForeignEntry::rawId, ForeignEntry::state)
			.containsExactly(tuple("001", "001-create-users", "001-create-users.js", ForeignState.APPLIED),
					tuple("002", "002-create-courses", "002-create-courses.ts", ForeignState.APPLIED));
	}

	@Test
	void readsFlywayFailedRepeatableBaselineAndUndoneRows(TestDatabase db) throws SQLException {
		JdbcTemplate jdbc = db.jdbc();
		jdbc.execute(ForeignTables.FLYWAY);
		String insert = """
				INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
					installed_by, execution_time, success) VALUES (?, ?, ?, ?, ?, ?, 'flyway', 5, ?)""";
		jdbc.update(insert, 1, null, "<< Flyway Schema Creation >>", "SCHEMA", "\"public\"", null, true);
		jdbc.update(insert, 2, "1", "<< Flyway Baseline >>", "BASELINE", "<< Flyway Baseline >>", null, true);
		jdbc.update(insert, 3, "2", "add users", "SQL", "V2__add_users.sql", 12345, true);
		jdbc.update(insert, 4, "3", "add orders", "SQL", "V3__add_orders.sql", -77, false);
		jdbc.update(insert, 5, null, "views", "SQL", "R__views.sql", 999, true);
		jdbc.update(insert, 6, "4", "add index", "SQL", "V4__add_index.sql", 4, true);
		jdbc.update(insert, 7, "4", "add index", "UNDO_SQL", "U4__add_index.sql", 40, true);

		ForeignHistory history = single(detect(db, List.of()));

		assertThat(history.tool()).isEqualTo(ForeignTool.FLYWAY);
		assertThat(history.rowCount()).isEqualTo(7);
		assertThat(history.entries())
			.extracting(ForeignEntry::version, ForeignEntry::name, ForeignEntry::state, ForeignEntry::checksum,
					ForeignEntry::rawId)
			.containsExactly(tuple("1", "", ForeignState.BASELINE, "", "2"),
					tuple("2", "V2__add_users", ForeignState.APPLIED, "12345", "3"),
					tuple("3", "V3__add_orders", ForeignState.FAILED, "-77", "4"),
					tuple("", "R__views", ForeignState.APPLIED, "999", "5"),
					tuple("4", "V4__add_index", ForeignState.UNDONE, "4", "6"));
		assertThat(history.entries().get(1).description()).isEqualTo("add users");
		assertThat(history.entries().get(1).appliedAt()).isPresent();
	}

	@Test
	void readsGolangMigratesSingleDirtyRow(TestDatabase db) throws SQLException {
		db.jdbc().execute(ForeignTables.GOLANG_MIGRATE.formatted("\"schema_migrations\""));
		db.jdbc().update("INSERT INTO schema_migrations (version, dirty) VALUES (12, true)");

		ForeignHistory history = single(detect(db, List.of()));

		assertThat(history.tool()).isEqualTo(ForeignTool.GOLANG_MIGRATE);
		assertThat(history.entries()).extracting(ForeignEntry::version, ForeignEntry::state)
			.containsExactly(tuple("12", ForeignState.DIRTY));
	}

	@Test
	void tellsTheThreeSchemaMigrationsTablesApart(TestDatabase db) throws SQLException {
		JdbcTemplate jdbc = db.jdbc();
		jdbc.execute("CREATE SCHEMA go; CREATE SCHEMA mate; CREATE SCHEMA rails");
		jdbc.execute(ForeignTables.GOLANG_MIGRATE.formatted("go.schema_migrations"));
		jdbc.execute(ForeignTables.DBMATE.formatted("mate.schema_migrations"));
		jdbc.execute(ForeignTables.RAILS.formatted("rails"));
		jdbc.update("INSERT INTO go.schema_migrations VALUES (20241201000003, false)");
		jdbc.update("INSERT INTO mate.schema_migrations VALUES ('001'), ('002')");
		jdbc.update("INSERT INTO rails.schema_migrations VALUES ('20240101120000')");
		jdbc.update("INSERT INTO rails.ar_internal_metadata VALUES ('environment', 'production', now(), now())");

		List<ForeignHistory> found = detect(db, List.of("go", "mate", "rails"));

		assertThat(found)
			.extracting(ForeignHistory::tool, ForeignHistory::schema, ForeignHistory::table, ForeignHistory::rowCount)
			.containsExactly(tuple(ForeignTool.GOLANG_MIGRATE, "go", "schema_migrations", 1L),
					tuple(ForeignTool.DBMATE, "mate", "schema_migrations", 2L),
					tuple(ForeignTool.RAILS, "rails", "schema_migrations", 1L));
		assertThat(found.get(1).entries()).extracting(ForeignEntry::version).containsExactly("001", "002");
	}

	@Test
	void readsLiquibasesChangelogThatHasNoPrimaryKey(TestDatabase db) throws SQLException {
		JdbcTemplate jdbc = db.jdbc();
		jdbc.execute(ForeignTables.LIQUIBASE);
		String insert = """
				INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum,
					description, liquibase, deployment_id) VALUES (?, ?, ?, now(), ?, ?, ?, ?, '4.25.0', '1234567890')""";
		jdbc.update(insert, "1", "alice", "db/changelog/001-create-users.sql", 1, "EXECUTED", "9:abc", "sql");
		jdbc.update(insert, "1", "alice", "db/changelog/001-create-users.sql", 2, "EXECUTED", "9:abc", "sql");
		jdbc.update(insert, "seed-roles", "bob", "db/changelog/master.xml", 3, "MARK_RAN", "9:def", "insert");
		jdbc.update(insert, "optional", "bob", "db/changelog/master.xml", 4, "SKIPPED", null, "sql");

		ForeignHistory history = single(detect(db, List.of()));

		assertThat(history.tool()).isEqualTo(ForeignTool.LIQUIBASE);
		assertThat(history.table()).isEqualTo("databasechangelog");
		assertThat(history.rowCount()).isEqualTo(4);
		assertThat(history.entries()).extracting(ForeignEntry::version, ForeignEntry::name, ForeignEntry::state)
			.containsExactly(tuple("001", "001-create-users", ForeignState.APPLIED),
					tuple("001", "001-create-users", ForeignState.APPLIED),
					tuple("", "seed-roles", ForeignState.APPLIED), tuple("", "optional", ForeignState.SKIPPED));
		assertThat(history.entries().get(2).rawId()).isEqualTo("seed-roles::bob::db/changelog/master.xml");
		assertThat(history.entries().get(2).checksum()).isEqualTo("9:def");
	}

	@Test
	void readsAChangelogCreatedWithQuotedUpperCaseNames(TestDatabase db) throws SQLException {
		db.jdbc().execute("""
				CREATE TABLE "DATABASECHANGELOG" ("ID" varchar(255) NOT NULL, "AUTHOR" varchar(255) NOT NULL,
					"FILENAME" varchar(255) NOT NULL, "DATEEXECUTED" timestamp NOT NULL, "ORDEREXECUTED" int NOT NULL,
					"EXECTYPE" varchar(10) NOT NULL, "MD5SUM" varchar(35), "DESCRIPTION" varchar(255))""");
		db.jdbc()
			.update("INSERT INTO \"DATABASECHANGELOG\" VALUES ('2', 'a', '002-add-courses.sql', now(), 1,"
					+ " 'EXECUTED', '9:x', 'sql')");

		ForeignHistory history = single(detect(db, List.of()));

		assertThat(history.tool()).isEqualTo(ForeignTool.LIQUIBASE);
		assertThat(history.qualifiedName()).isEqualTo("public.\"DATABASECHANGELOG\"");
		assertThat(history.entries()).extracting(ForeignEntry::name).containsExactly("002-add-courses");
	}

	@Test
	void readsPrismaRolledBackAndUnfinishedRows(TestDatabase db) throws SQLException {
		JdbcTemplate jdbc = db.jdbc();
		jdbc.execute(ForeignTables.PRISMA);
		String insert = """
				INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, rolled_back_at, started_at,
					applied_steps_count) VALUES (?, 'c0ffee', ?::timestamptz, ?, ?::timestamptz, ?::timestamptz, 1)""";
		jdbc.update(insert, "a", "2023-01-01 12:00:01Z", "20230101120000_init", null, "2023-01-01 12:00:00Z");
		jdbc.update(insert, "b", null, "20230201120000_add_posts", "2023-02-02 00:00:00Z", "2023-02-01 12:00:00Z");
		jdbc.update(insert, "c", null, "20230301120000_add_tags", null, "2023-03-01 12:00:00Z");

		ForeignHistory history = single(detect(db, List.of()));

		assertThat(history.tool()).isEqualTo(ForeignTool.PRISMA);
		assertThat(history.entries())
			.extracting(ForeignEntry::version, ForeignEntry::name, ForeignEntry::state, ForeignEntry::rawId)
			.containsExactly(tuple("20230101120000", "20230101120000_init", ForeignState.APPLIED, "a"),
					tuple("20230201120000", "20230201120000_add_posts", ForeignState.ROLLED_BACK, "b"),
					tuple("20230301120000", "20230301120000_add_tags", ForeignState.FAILED, "c"));
		assertThat(history.entries().get(0).checksum()).isEqualTo("c0ffee");
	}

	@Test
	void readsKnexMigrationsAndIgnoresItsLockTable(TestDatabase db) throws SQLException {
		db.jdbc().execute(ForeignTables.KNEX);
		db.jdbc()
			.update("INSERT INTO knex_migrations (name, batch, migration_time) VALUES"
					+ " ('20230101120000_create_users.js', 1, now()), ('20230102120000_add_posts.ts', 2, now())");
		db.jdbc().update("INSERT INTO knex_migrations_lock (is_locked) VALUES (0)");

		ForeignHistory history = single(detect(db, List.of()));

		assertThat(history.tool()).isEqualTo(ForeignTool.KNEX);
		assertThat(history.entries()).extracting(ForeignEntry::version, ForeignEntry::name, ForeignEntry::description)
			.containsExactly(tuple("20230101120000", "20230101120000_create_users", "batch 1"),
					tuple("20230102120000", "20230102120000_add_posts", "batch 2"));
	}

	@Test
	void readsAlembicsHeads(TestDatabase db) throws SQLException {
		db.jdbc().execute(ForeignTables.ALEMBIC);
		db.jdbc().update("INSERT INTO alembic_version VALUES ('ae1027a6acf')");

		ForeignHistory history = single(detect(db, List.of()));

		assertThat(history.tool()).isEqualTo(ForeignTool.ALEMBIC);
		assertThat(history.entries()).extracting(ForeignEntry::version, ForeignEntry::name)
			.containsExactly(tuple("", "ae1027a6acf"));
	}

	@Test
	void leavesOrdinaryTablesAndSequelizeSeedsWithAHistoryLikeShapeAlone(TestDatabase db) throws SQLException {
		db.jdbc().execute("CREATE TABLE roles (name text PRIMARY KEY); CREATE TABLE releases (version text)");
		db.jdbc().update("INSERT INTO roles VALUES ('admin'), ('teacher')");
		db.jdbc().update("INSERT INTO releases VALUES ('v1.2-beta')");
		db.jdbc().execute("CREATE TABLE \"SequelizeMeta\" (name varchar(255) PRIMARY KEY)");
		db.jdbc().execute("CREATE TABLE \"SequelizeData\" (name varchar(255) PRIMARY KEY)");
		db.jdbc().update("INSERT INTO \"SequelizeData\" VALUES ('20240101000000-demo-users.js')");

		assertThat(detect(db, List.of())).extracting(ForeignHistory::table).containsExactly("SequelizeMeta");
	}

	@Test
	void searchesTheSearchPathUnlessSchemasAreNamed(TestDatabase db) throws SQLException {
		db.jdbc().execute("CREATE SCHEMA legacy");
		db.jdbc().execute(ForeignTables.DBMATE.formatted("legacy.schema_migrations"));
		db.jdbc().update("INSERT INTO legacy.schema_migrations VALUES ('20240101000000')");

		assertThat(detect(db, List.of())).isEmpty();
		assertThat(detect(db, List.of("legacy"))).extracting(ForeignHistory::qualifiedName)
			.containsExactly("legacy.schema_migrations");
	}

	@Test
	void readsATableInAHostileSchemaWithoutRunningItsName(TestDatabase db) throws SQLException {
		String schema = "x\"; DROP TABLE public.victim; --";
		JdbcTemplate jdbc = db.jdbc();
		jdbc.execute("CREATE TABLE public.victim (id int)");
		jdbc.execute("CREATE SCHEMA \"x\"\"; DROP TABLE public.victim; --\"");
		jdbc.execute("CREATE TABLE \"x\"\"; DROP TABLE public.victim; --\".\"SequelizeMeta'); DROP TABLE victim; --\""
				+ " (\"name\" varchar(255) PRIMARY KEY)");
		jdbc.update("INSERT INTO \"x\"\"; DROP TABLE public.victim; --\".\"SequelizeMeta'); DROP TABLE victim; --\""
				+ " VALUES ('001-create-users.js')");

		ForeignHistory history = single(detect(db, List.of(schema, "public")));

		assertThat(history.schema()).isEqualTo(schema);
		assertThat(history.table()).isEqualTo("SequelizeMeta'); DROP TABLE victim; --");
		assertThat(history.entries()).extracting(ForeignEntry::name).containsExactly("001-create-users");
		assertThat(jdbc.queryForObject("SELECT to_regclass('public.victim') IS NOT NULL", Boolean.class)).isTrue();
	}

	static List<ForeignHistory> detect(TestDatabase db, List<String> schemas) throws SQLException {
		try (Connection connection = db.dataSource().getConnection()) {
			return ForeignHistories.detect(connection, schemas);
		}
	}

	private static ForeignHistory single(List<ForeignHistory> found) {
		assertThat(found).hasSize(1);
		return found.get(0);
	}

}
