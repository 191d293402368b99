package dev.migsh.core.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migsh.core.catalog.SqlStatement;

import static org.assertj.core.api.Assertions.assertThat;

/** Lint and lock answers that depend on what the live catalog says. */
class CatalogAwareLintTest {

	private static final Linter LINTER = new Linter();

	private static final LintContext LIVE = LintContext.forServer(150004)
		.withExistingTables(Set.of("users", "public.users", "prices", "public.prices"))
		.withColumnsAndIndexes(Map.of("users.name", "character varying(128)", "users.age", "integer", "prices.amount",
				"numeric(10,2)"), Map.of("idx_users_name", new TableName("public", "users")));

	private static List<String> rules(String sql, LintContext ctx) {
		return LINTER.lint(Sections.transactional(sql), ctx).stream().map(Finding::ruleId).toList();
	}

	private static LockInfo lock(String sql, LintContext ctx) {
		return StatementLocks.lockOf(new SqlStatement(sql, 1, 1), ctx);
	}

	@Test
	void wideningAVarcharIsNeitherLossyNorARewrite() {
		for (String type : List.of("varchar(1024)", "character varying(128)", "text", "varchar")) {
			String sql = "ALTER TABLE users ALTER COLUMN name TYPE " + type + ";";
			assertThat(rules(sql, LIVE)).as(sql).doesNotContain("DL-07", "LK-05");
			assertThat(lock(sql, LIVE).rewrite()).as(sql).isFalse();
		}
	}

	@Test
	void narrowingAVarcharIsStillReported() {
		String sql = "ALTER TABLE users ALTER COLUMN name TYPE varchar(20);";
		assertThat(rules(sql, LIVE)).contains("DL-07");
		assertThat(rules(sql, LintContext.forServer(150004))).as("without a catalog").contains("DL-07");
	}

	@Test
	void wideningANumericAtTheSameScaleIsCatalogOnlyButChangingTheScaleIsNot() {
		assertThat(rules("ALTER TABLE prices ALTER COLUMN amount TYPE numeric(12,2);", LIVE)).doesNotContain("DL-07",
				"LK-05");
		assertThat(rules("ALTER TABLE prices ALTER COLUMN amount TYPE numeric(12,1);", LIVE)).contains("DL-07");
	}

	@Test
	void changingAColumnToTheTypeItHasIsNotLossy() {
		assertThat(rules("ALTER TABLE users ALTER COLUMN age TYPE int;", LIVE)).doesNotContain("DL-07", "LK-05");
		assertThat(rules("ALTER TABLE users ALTER COLUMN age TYPE smallint;", LIVE)).contains("DL-07");
	}

	@Test
	void dropIndexLocksTheIndexesTableWhenTheCatalogKnowsIt() {
		assertThat(lock("DROP INDEX idx_users_name", LIVE).locks())
			.containsExactly(new TableLock(new TableName("public", "users"), LockMode.ACCESS_EXCLUSIVE));
		assertThat(lock("DROP INDEX idx_other", LIVE).locks()).isEmpty();
		assertThat(lock("DROP INDEX idx_other", LIVE).note()).contains("the table of index idx_other");
		assertThat(lock("DROP INDEX idx_other", LintContext.forServer(150004)).locks())
			.containsExactly(new TableLock(TableName.of("the table of index idx_other"), LockMode.ACCESS_EXCLUSIVE));
	}

	@Test
	void createTableIfNotExistsOnAnExistingTableLocksNothing() {
		assertThat(lock("CREATE TABLE IF NOT EXISTS users (id int)", LIVE).locks()).isEmpty();
		assertThat(lock("CREATE TABLE IF NOT EXISTS orders (id int)", LIVE).locks())
			.containsExactly(new TableLock(TableName.of("orders"), LockMode.ACCESS_EXCLUSIVE));
	}

	@Test
	void aFunctionReturningTriggerLocksNoTableButATriggerLocksItsTable() {
		assertThat(lock("CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql", LIVE)
			.locks()).isEmpty();
		assertThat(
				lock("CREATE OR REPLACE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()", LIVE)
					.locks())
			.containsExactly(new TableLock(TableName.of("users"), LockMode.SHARE_ROW_EXCLUSIVE));
	}

	@Test
	void updateWithAnAlwaysTrueWhereSaysItUpdatesEveryRow() {
		List<Finding> findings = LINTER.lint(Sections.transactional("UPDATE users SET age = 1 WHERE true;"), LIVE);
		assertThat(findings).filteredOn(f -> f.ruleId().equals("DL-06"))
			.singleElement()
			.satisfies(f -> assertThat(f.message()).contains("updates every row").doesNotContain("no WHERE"));
	}

	@Test
	void updatingOnlyAColumnAddedEarlierInTheMigrationLosesNothing() {
		assertThat(rules("ALTER TABLE users ADD COLUMN score int;\nUPDATE users SET score = 0;", LIVE))
			.doesNotContain("DL-06");
		assertThat(rules("ALTER TABLE users ADD COLUMN score int;\nUPDATE users SET score = 0, age = 1;", LIVE))
			.contains("DL-06");
	}

}
