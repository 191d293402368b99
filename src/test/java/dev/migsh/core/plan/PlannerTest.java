package dev.migsh.core.plan;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.MigrationFolder;
import dev.migsh.core.Migrator;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.LockMode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class PlannerTest {

	@TempDir
	Path dir;

	private MigrationFolder folder() {
		return new MigrationFolder(this.dir).write("001-users.sql",
				"-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY, email text);\n"
						+ "-- migrate:down\nDROP TABLE users;\n");
	}

	private dev.migsh.core.Migrator planner(TestDatabase db, MigrationFolder folder) {
		return new dev.migsh.core.Migrator(db.dataSource(), folder.config());
	}

	@Test
	void showsEachStatementWithItsLockTheTableSizeAndWhetherARollbackExists(TestDatabase db) {
		MigrationFolder folder = folder();
		folder.migrator(db).apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
		db.jdbc().execute("INSERT INTO users SELECT g, 'u' || g FROM generate_series(1, 500) g; ANALYZE users");
		folder.write("002-index.sql", "-- migrate:up\nCREATE INDEX users_email_idx ON users (email);\n"
				+ "ALTER TABLE users ALTER COLUMN email TYPE varchar(100);\n");

		MigrationPlan plan = planner(db, folder).plan(ApplyTarget.all(), false);

		assertThat(plan.steps()).hasSize(1);
		MigrationPlan.Step step = plan.steps().get(0);
		assertThat(step.file().id()).isEqualTo("002-index");
		assertThat(step.rollback().possible()).isFalse();
		MigrationPlan.PlannedStatement index = step.statements().get(0);
		assertThat(index.tables()).singleElement().satisfies(t -> {
			assertThat(t.mode()).isEqualTo(LockMode.SHARE);
			assertThat(t.exists()).isTrue();
			assertThat(t.stats().get().rowEstimate()).isEqualTo(500);
			assertThat(t.stats().get().sizeBytes()).isPositive();
		});
		assertThat(index.findings()).extracting(Finding::ruleId).contains("LK-01");
		MigrationPlan.PlannedStatement alter = step.statements().get(1);
		assertThat(alter.lock().rewrite()).isTrue();
		assertThat(alter.tables().get(0).mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
		assertThat(plan.touchedTables()).containsOnlyKeys("public.users");
		assertThat(plan.touchedTables().get("public.users").mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
	}

	@Test
	void treatsTablesCreatedByAnEarlierPendingMigrationAsNew(TestDatabase db) {
		MigrationFolder folder = folder().write("002-index.sql",
				"-- migrate:up\nCREATE INDEX users_email_idx ON users (email);\n");

		MigrationPlan plan = planner(db, folder).plan(ApplyTarget.all(), false);

		assertThat(plan.steps()).hasSize(2);
		assertThat(plan.steps().get(0).rollback().possible()).isTrue();
		assertThat(plan.steps().get(1).statements().get(0).tables().get(0).exists()).isFalse();
		assertThat(plan.findings()).extracting(Finding::ruleId).doesNotContain("LK-01");
	}

	@Test
	void theFingerprintIsStableAndNamesWhatChanged(TestDatabase db) {
		MigrationFolder folder = folder().write("002-bio.sql",
				"-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n");
		var planner = planner(db, folder);
		MigrationPlan first = planner.plan(ApplyTarget.all(), false);
		assertThat(planner.plan(ApplyTarget.all(), false).fingerprint().sameAs(first.fingerprint())).isTrue();
		assertThat(first.fingerprint().hash()).hasSize(12);

		Migrator other = folder.migrator(db);
		other.apply(ApplyRequest.of(ApplyTarget.only("001-users")), ApplyListener.NONE, Cancellation.none());
		MigrationPlan second = planner.plan(ApplyTarget.all(), false);

		assertThat(second.fingerprint().sameAs(first.fingerprint())).isFalse();
		List<String> changes = second.fingerprint().changesSince(first.fingerprint());
		assertThat(changes).anySatisfy(c -> assertThat(c).startsWith("history 001-users: now applied"));
		assertThat(changes).anySatisfy(c -> assertThat(c).startsWith("table users: was absent, now exists"));
	}

	@Test
	void theFingerprintChangesWhenAFileIsEdited(TestDatabase db) {
		MigrationFolder folder = folder();
		var planner = planner(db, folder);
		MigrationPlan first = planner.plan(ApplyTarget.all(), false);
		folder.write("001-users.sql", "-- migrate:up\nCREATE TABLE users (id bigint PRIMARY KEY);\n");

		List<String> changes = planner.plan(ApplyTarget.all(), false).fingerprint().changesSince(first.fingerprint());

		assertThat(changes).singleElement().satisfies(c -> assertThat(c).startsWith("file 001-users: was up sha256:"));
	}

	@Test
	void marksOnlyTablesAnEarlierStatementCreatesAsCreatedByThePlan(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-tables.sql",
				"-- migrate:up\nCREATE TABLE made (id int);\nALTER TABLE made ADD COLUMN x int;\n"
						+ "ALTER TABLE nosuch ADD COLUMN x int;\n");

		MigrationPlan plan = planner(db, folder).plan(ApplyTarget.all(), false);

		List<MigrationPlan.PlannedStatement> statements = plan.steps().get(0).statements();
		assertThat(statements.get(1).tables().get(0).createdByPlan()).isTrue();
		assertThat(statements.get(2).tables().get(0).createdByPlan()).isFalse();
		assertThat(statements.get(2).tables().get(0).exists()).isFalse();
	}

	@Test
	void readsTheLiveColumnTypeSoAWideningIsNeitherLossyNorARewriteAndDropIndexLocksItsTable(TestDatabase db) {
		db.jdbc()
			.execute("CREATE TABLE accounts (id int, name varchar(128), total numeric(10,2));"
					+ " CREATE INDEX idx_accounts_name ON accounts (name)");
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-widen.sql",
				"-- migrate:up\nALTER TABLE accounts ALTER COLUMN name TYPE varchar(1024);\n"
						+ "ALTER TABLE accounts ALTER COLUMN total TYPE numeric(14,2);\n"
						+ "ALTER TABLE accounts ALTER COLUMN name TYPE varchar(10);\nDROP INDEX idx_accounts_name;\n");

		MigrationPlan plan = planner(db, folder).plan(ApplyTarget.all(), false);

		List<MigrationPlan.PlannedStatement> statements = plan.steps().get(0).statements();
		for (int i = 0; i < 2; i++) {
			assertThat(statements.get(i).findings()).extracting(Finding::ruleId).doesNotContain("DL-07", "LK-05");
			assertThat(statements.get(i).lock().rewrite()).isFalse();
		}
		assertThat(statements.get(2).findings()).extracting(Finding::ruleId).contains("DL-07");
		assertThat(statements.get(3).tables()).singleElement()
			.satisfies(t -> assertThat(t.stats().get().qualifiedName()).isEqualTo("public.accounts"));
	}

	@Test
	void dataLossOnATableThePlanCreatesIsInformational(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-create.sql", "-- migrate:up\nCREATE TABLE scratch (id int, note text);\n")
			.write("002-drop.sql", "-- migrate:up\nALTER TABLE scratch DROP COLUMN note;\n");

		MigrationPlan plan = planner(db, folder).plan(ApplyTarget.all(), false);

		assertThat(plan.steps().get(1).findings()).isNotEmpty()
			.allSatisfy(f -> assertThat(f.severity()).isEqualTo(dev.migsh.core.lint.Severity.INFO));
		assertThat(plan.dataLossFindings()).isEmpty();
	}

	@Test
	void theFingerprintChangesWhenTheTypeOfAColumnThePlanRetypesChanges(TestDatabase db) {
		db.jdbc().execute("CREATE TABLE notes (body varchar(100))");
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-widen.sql",
				"-- migrate:up\nALTER TABLE notes ALTER COLUMN body TYPE varchar(500);\n");
		var planner = planner(db, folder);
		MigrationPlan first = planner.plan(ApplyTarget.all(), false);
		db.jdbc().execute("ALTER TABLE notes ALTER COLUMN body TYPE varchar(1000)");

		MigrationPlan second = planner.plan(ApplyTarget.all(), false);

		assertThat(second.fingerprint().changesSince(first.fingerprint()))
			.anySatisfy(c -> assertThat(c).startsWith("column notes.body: was character varying(100)"));
		assertThat(second.findings()).extracting(Finding::ruleId).contains("DL-07");
	}

}
