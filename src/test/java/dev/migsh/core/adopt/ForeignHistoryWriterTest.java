package dev.migsh.core.adopt;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationDirectory;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A migration migsh applied, written into the old tool's table in its format: read back
 * by the detector, it matches the migration, and writing it twice adds nothing.
 */
@ExtendWith(FreshDatabase.class)
class ForeignHistoryWriterTest {

	private static final MigrationCatalog SAMPLE = MigrationDirectory.read(Path.of("migrations"));

	private static final MigrationFile CHAT = SAMPLE.resolve("20241201000003-create-chat-tables");

	@Test
	void appendsASequelizeRowWithTheExtensionTheTableAlreadyUses(TestDatabase db) throws SQLException {
		db.jdbc().execute(ForeignTables.SEQUELIZE);
		db.jdbc().update("INSERT INTO \"SequelizeMeta\" VALUES ('001-create-users.ts'), ('002-create-courses.ts')");

		ForeignHistory after = appendTwice(db, CHAT);

		assertThat(after.entries()).extracting(ForeignEntry::rawId)
			.containsExactly("001-create-users.ts", "002-create-courses.ts", "20241201000003-create-chat-tables.ts");
		assertMatchesChat(after);
	}

	@Test
	void movesGolangMigratesSingleRowForwardButNeverBack(TestDatabase db) throws SQLException {
		db.jdbc().execute(ForeignTables.GOLANG_MIGRATE.formatted("schema_migrations"));
		db.jdbc().update("INSERT INTO schema_migrations VALUES (37, false)");

		ForeignHistory after = appendTwice(db, CHAT);
		boolean older;
		try (Connection c = db.dataSource().getConnection()) {
			older = ForeignHistoryWriter.append(c, after, SAMPLE.resolve("001-create-users"));
		}

		assertThat(older).isFalse();
		assertThat(ForeignHistoriesTest.detect(db, List.of()).get(0).entries())
			.extracting(ForeignEntry::version, ForeignEntry::state)
			.containsExactly(tuple("20241201000003", ForeignState.APPLIED));
		assertMatchesChat(after);
	}

	@Test
	void appendsADbmateVersion(TestDatabase db) throws SQLException {
		db.jdbc().execute(ForeignTables.DBMATE.formatted("schema_migrations"));
		db.jdbc().update("INSERT INTO schema_migrations VALUES ('001')");

		ForeignHistory after = appendTwice(db, CHAT);

		assertThat(after.tool()).isEqualTo(ForeignTool.DBMATE);
		assertThat(after.entries()).extracting(ForeignEntry::version).containsExactly("001", "20241201000003");
		assertMatchesChat(after);
	}

	@Test
	void appendsAFlywayRowWithTheNextRankAndFlywaysChecksum(TestDatabase db) throws SQLException {
		JdbcTemplate jdbc = db.jdbc();
		jdbc.execute(ForeignTables.FLYWAY);
		jdbc.update(
				"""
						INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
							installed_by, execution_time, success) VALUES (4, '1', 'init', 'SQL', 'V1__init.sql', 1, 'x', 1, true)""");

		ForeignHistory after = appendTwice(db, CHAT);

		assertThat(after.entries())
			.extracting(ForeignEntry::rawId, ForeignEntry::version, ForeignEntry::name, ForeignEntry::description,
					ForeignEntry::checksum, ForeignEntry::state)
			.containsExactly(tuple("4", "1", "V1__init", "init", "1", ForeignState.APPLIED),
					tuple("5", "20241201000003", "V20241201000003__create_chat_tables", "create chat tables",
							String.valueOf(FlywayChecksum.of(CHAT.up().sql())), ForeignState.APPLIED));
		assertThat(jdbc.queryForObject(
				"SELECT installed_by = current_user FROM flyway_schema_history" + " WHERE installed_rank = 5",
				Boolean.class))
			.isTrue();
		assertMatchesChat(after);
	}

	@Test
	void appendsAKnexRowInANewBatch(TestDatabase db) throws SQLException {
		db.jdbc().execute(ForeignTables.KNEX);
		db.jdbc()
			.update("INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('001-create-users.js', 3, now())");

		ForeignHistory after = appendTwice(db, CHAT);

		assertThat(after.entries()).extracting(ForeignEntry::name, ForeignEntry::description)
			.containsExactly(tuple("001-create-users", "batch 3"),
					tuple("20241201000003-create-chat-tables", "batch 4"));
		assertMatchesChat(after);
	}

	@Test
	void appendsAFinishedPrismaRow(TestDatabase db) throws SQLException {
		db.jdbc().execute(ForeignTables.PRISMA);

		ForeignHistory after = appendTwice(db, CHAT);

		assertThat(after.entries()).singleElement().satisfies(e -> {
			assertThat(e.name()).isEqualTo("20241201000003-create-chat-tables");
			assertThat(e.state()).isEqualTo(ForeignState.APPLIED);
			assertThat(e.checksum()).hasSize(64);
			assertThat(e.appliedAt()).isPresent();
		});
		assertMatchesChat(after);
	}

	@Test
	void refusesToWriteALiquibaseChangelog(TestDatabase db) throws SQLException {
		db.jdbc().execute(ForeignTables.LIQUIBASE);
		ForeignHistory liquibase = ForeignHistoriesTest.detect(db, List.of()).get(0);

		try (Connection c = db.dataSource().getConnection()) {
			assertThatThrownBy(() -> ForeignHistoryWriter.append(c, liquibase, CHAT))
				.isInstanceOfSatisfying(MigshException.class, e -> {
					assertThat(e.getMessage()).isEqualTo("migsh cannot keep a Liquibase history in step");
					assertThat(e.hint()).contains("changeset");
				});
		}
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Long.class)).isZero();
	}

	@Test
	void writesIntoATableWithAHostileNameWithoutRunningIt(TestDatabase db) throws SQLException {
		JdbcTemplate jdbc = db.jdbc();
		jdbc.execute("CREATE TABLE public.victim (id int)");
		jdbc.execute("CREATE TABLE \"Sequelize'); DROP TABLE victim; --\" (\"name\" varchar(255) PRIMARY KEY)");
		jdbc.update("INSERT INTO \"Sequelize'); DROP TABLE victim; --\" VALUES ('001-create-users.js')");

		ForeignHistory after = appendTwice(db, CHAT);

		assertThat(after.table()).isEqualTo("Sequelize'); DROP TABLE victim; --");
		assertThat(after.entries()).extracting(ForeignEntry::rawId)
			.containsExactly("001-create-users.js", "20241201000003-create-chat-tables.js");
		assertThat(jdbc.queryForObject("SELECT to_regclass('public.victim') IS NOT NULL", Boolean.class)).isTrue();
	}

	private static ForeignHistory appendTwice(TestDatabase db, MigrationFile migration) throws SQLException {
		ForeignHistory before = ForeignHistoriesTest.detect(db, List.of()).get(0);
		try (Connection c = db.dataSource().getConnection()) {
			assertThat(ForeignHistoryWriter.append(c, before, migration)).isTrue();
			assertThat(ForeignHistoryWriter.append(c, before, migration)).isFalse();
		}
		List<ForeignHistory> after = ForeignHistoriesTest.detect(db, List.of());
		assertThat(after).hasSize(1);
		return after.get(0);
	}

	private static void assertMatchesChat(ForeignHistory history) {
		assertThat(AdoptionMatcher.match(history, SAMPLE).adoptableIds()).contains(CHAT.id());
	}

}
