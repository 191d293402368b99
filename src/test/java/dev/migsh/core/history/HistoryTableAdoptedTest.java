package dev.migsh.core.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.core.catalog.MigrationDirectory;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adopted rows: a history made by a layout-1 release learns to hold them, and only a
 * history that adopts moves to layout 2.
 */
@ExtendWith(FreshDatabase.class)
class HistoryTableAdoptedTest {

	private static final MigrationFile USERS = MigrationDirectory.read(Path.of("migrations"))
		.resolve("001-create-users");

	private final HistoryTable history = new HistoryTable("migsh");

	@Test
	void aNewHistoryIsCreatedAtLayoutTwoAndHoldsAdoptedRows(TestDatabase db) throws SQLException {
		try (Connection c = db.dataSource().getConnection()) {
			this.history.create(c);
			assertThat(layout(db)).isEqualTo("2");

			this.history.allowAdopted(c);
			this.history.insert(c, USERS, HistoryState.ADOPTED, "ops@host", 0, 0, null, 0);

			List<AppliedMigration> rows = this.history.read(c);
			assertThat(rows).singleElement().satisfies(row -> {
				assertThat(row.state()).isEqualTo(HistoryState.ADOPTED);
				assertThat(row.isApplied()).isTrue();
			});
		}
		assertThat(layout(db)).isEqualTo("2");
	}

	@Test
	void widensTheStateCheckOfAHistoryALayoutOneReleaseMade(TestDatabase db) throws SQLException {
		try (Connection c = db.dataSource().getConnection()) {
			this.history.create(c);
			db.jdbc()
				.execute("ALTER TABLE migsh.history DROP CONSTRAINT history_state_check, ADD CHECK"
						+ " (state IN ('applied', 'failed', 'marked', 'baseline'))");
			assertThatThrownBy(() -> this.history.insert(c, USERS, HistoryState.ADOPTED, "ops@host", 0, 0, null, 0))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("history_state_check");

			this.history.allowAdopted(c);
			this.history.allowAdopted(c);
			this.history.insert(c, USERS, HistoryState.ADOPTED, "ops@host", 0, 0, null, 0);

			assertThat(this.history.read(c)).extracting(AppliedMigration::state).containsExactly(HistoryState.ADOPTED);
		}
		assertThat(db.jdbc()
			.queryForObject("SELECT count(*) FROM pg_constraint WHERE conrelid = 'migsh.history'::regclass"
					+ " AND contype = 'c'", Long.class))
			.isEqualTo(1);
	}

	@Test
	void recordsAdoptInTheAuditTrail(TestDatabase db) throws SQLException {
		try (Connection c = db.dataSource().getConnection()) {
			this.history.create(c);
			this.history.audit(c, AuditAction.ADOPT, USERS.id(), AuditOutcome.OK, "ops@host", "from Sequelize");

			assertThat(this.history.auditEntries(c)).extracting(AuditEntry::action).containsExactly(AuditAction.ADOPT);
		}
	}

	private static String layout(TestDatabase db) {
		return db.jdbc().queryForObject("SELECT value FROM migsh.meta WHERE key = 'layout_version'", String.class);
	}

}
