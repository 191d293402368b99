package dev.migsh.core.safety;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.MigrationFolder;
import dev.migsh.core.SchemaSnapshot;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.lint.Finding;
import dev.migsh.core.plan.UndoTarget;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class UndoDryRunTest {

	@TempDir
	Path dir;

	private MigrationFolder applied(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-users.sql", "-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY, email text);\n"
					+ "CREATE TABLE notes (id int, body text);\n-- migrate:down\nDROP TABLE notes;\nDROP TABLE users;\n")
			.write("002-profile.sql", "-- migrate:up\nALTER TABLE users ADD COLUMN bio text, ADD COLUMN phone text;\n"
					+ "-- migrate:down\nALTER TABLE users DROP COLUMN bio;\nALTER TABLE users DROP COLUMN phone;\n");
		folder.migrator(db).apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
		db.jdbc()
			.execute("INSERT INTO users SELECT g, 'u' || g, CASE WHEN g <= 3 THEN 'bio' END, NULL"
					+ " FROM generate_series(1, 10) g; INSERT INTO notes VALUES (1, 'a'), (2, 'b')");
		return folder;
	}

	private List<Map<String, Object>> historyAndAudit(TestDatabase db) {
		List<Map<String, Object>> rows = new java.util.ArrayList<>(
				db.jdbc().queryForList("SELECT * FROM migsh.history ORDER BY 1"));
		rows.addAll(db.jdbc().queryForList("SELECT * FROM migsh.audit ORDER BY 1"));
		return rows;
	}

	@Test
	void countsTheNonNullValuesOfEachDroppedColumn(TestDatabase db) {
		MigrationFolder folder = applied(db);

		UndoPreview preview = preview(db, folder, UndoTarget.latest(), false);

		assertThat(preview.steps()).singleElement().satisfies(step -> {
			assertThat(step.file().id()).isEqualTo("002-profile");
			assertThat(step.statements()).hasSize(2);
			assertThat(step.findings()).extracting(Finding::ruleId).contains("DL-02");
			assertThat(step.losses()).extracting(DataLossEstimate::describe)
				.containsExactly("column users.bio: 3 non-null values (counted); kept in migsh_trash",
						"column users.phone: 0 non-null values (counted); kept in migsh_trash");
		});
		assertThat(preview.losesData()).isTrue();
	}

	@Test
	void estimatesFromStatisticsAboveTheSizeLimitAndSaysSo(TestDatabase db) {
		MigrationFolder folder = applied(db);
		db.jdbc().execute("ANALYZE users; ANALYZE notes");

		UndoPreview preview = preview(db, folder, 0, UndoTarget.to("001-users"), false);

		DataLossEstimate bio = preview.steps().get(0).losses().get(0);
		assertThat(bio.exact()).isFalse();
		assertThat(bio.amount()).hasValue(3);
		assertThat(bio.describe())
			.isEqualTo("column users.bio: ~3 non-null values (estimate from pg_stats.null_frac); kept in migsh_trash");
	}

	@Test
	void changesNothingAndRecordsNothing(TestDatabase db) {
		MigrationFolder folder = applied(db);
		List<String> schemaBefore = SchemaSnapshot.of(db.jdbc());
		List<Map<String, Object>> dataBefore = db.jdbc().queryForList("SELECT * FROM users ORDER BY id");
		List<Map<String, Object>> historyBefore = historyAndAudit(db);

		UndoPreview preview = preview(db, folder, UndoTarget.to("001-users"), false);

		assertThat(preview.steps()).hasSize(1);
		assertThat(SchemaSnapshot.of(db.jdbc())).isEqualTo(schemaBefore);
		assertThat(db.jdbc().queryForList("SELECT * FROM users ORDER BY id")).isEqualTo(dataBefore);
		assertThat(historyAndAudit(db)).isEqualTo(historyBefore);
		assertThat(db.jdbc().queryForObject("SELECT to_regnamespace('migsh_trash') IS NULL", Boolean.class)).isTrue();
	}

	@Test
	void takesNoLockThatWaitsForWritersAndFallsBackToAnEstimateBehindAnExclusiveLock(TestDatabase db) throws Exception {
		MigrationFolder folder = applied(db);
		try (Connection writer = db.dataSource().getConnection(); Statement st = writer.createStatement()) {
			writer.setAutoCommit(false);
			st.execute("UPDATE users SET email = email WHERE id = 1");
			st.execute("LOCK TABLE notes IN ACCESS EXCLUSIVE MODE");

			UndoPreview preview = preview(db, folder, UndoTarget.only("001-users"), true);

			assertThat(preview.steps()).extracting(s -> s.file().id()).containsExactly("001-users");
			List<DataLossEstimate> tables = preview.steps().get(0).losses();
			assertThat(tables.get(0).describe()).startsWith("table notes: ").doesNotContain("counted");
			assertThat(tables.get(1).describe()).isEqualTo("table users: 10 rows (counted); kept in migsh_trash");
			writer.rollback();
		}
	}

	private static UndoPreview preview(TestDatabase db, MigrationFolder folder, UndoTarget target, boolean force) {
		return preview(db, folder, UndoDryRun.DEFAULT_EXACT_LIMIT_BYTES, target, force);
	}

	private static UndoPreview preview(TestDatabase db, MigrationFolder folder, long exactLimitBytes, UndoTarget target,
			boolean force) {
		var status = new dev.migsh.core.Migrator(db.dataSource(), folder.config()).status();
		return new UndoDryRun(db.dataSource(), folder.config(), exactLimitBytes)
			.preview(dev.migsh.core.plan.UndoPlan.of(status, target, force));
	}

}
