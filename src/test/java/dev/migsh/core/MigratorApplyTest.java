package dev.migsh.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.LockRetries;
import dev.migsh.core.apply.MigrationFailedException;
import dev.migsh.core.apply.RepairRequest;
import dev.migsh.core.apply.RepairResult;
import dev.migsh.core.apply.UndoRequest;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditEntry;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.UndoTarget;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(FreshDatabase.class)
class MigratorApplyTest {

	@TempDir
	Path dir;

	private ApplyResult applyAll(Migrator migrator) {
		return migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
	}

	@Test
	void appliesPendingMigrationsWithHistoryAuditAndRollbackInstructions(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-users.sql",
					"-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY, name text);\n"
							+ "-- migrate:down\nDROP TABLE users;\n")
			.write("002-bio.sql",
					"-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n"
							+ "-- migrate:down\nALTER TABLE users DROP COLUMN bio;\n"
							+ "-- migrate:verify\nSELECT count(*) = 0 FROM users;\n");
		Migrator migrator = folder.migrator(db);

		ApplyResult result = applyAll(migrator);

		assertThat(result.applied()).extracting(r -> r.id()).containsExactly("001-users", "002-bio");
		assertThat(result.applied().get(1).rollback().undoCommand()).contains("undo 002-bio");
		assertThat(result.applied().get(1).rollback().destroys()).extracting(DbObject::describe)
			.containsExactly("column users.bio");
		assertThat(migrator.status().rows()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
		assertThat(db.jdbc()
			.queryForObject("SELECT os_user FROM migsh.history WHERE migration_id = '002-bio'", String.class))
			.isEqualTo("tester@testhost");
		assertThat(migrator.history(Optional.empty())).extracting(AuditEntry::action, AuditEntry::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.APPLY, AuditOutcome.OK),
					org.assertj.core.groups.Tuple.tuple(AuditAction.APPLY, AuditOutcome.OK));
		assertThat(migrator.history(Optional.of("USERS"))).hasSize(2);
		assertThat(migrator.history(Optional.of("other"))).isEmpty();
		assertThat(applyAll(migrator).applied()).isEmpty();
	}

	@Test
	void applyThenUndoThenApplyLeavesTheSameSchema(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-authors.sql",
					"-- migrate:up\nCREATE TABLE authors (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);\n"
							+ "-- migrate:down\nDROP TABLE authors;\n")
			.write("002-books.sql", """
					-- migrate:up
					CREATE TABLE books (id bigint PRIMARY KEY, author_id bigint NOT NULL REFERENCES authors (id),
						title text CHECK (title <> ''));
					CREATE INDEX books_author_idx ON books (author_id);
					-- migrate:down
					DROP TABLE books;
					""");
		Migrator migrator = folder.migrator(db);
		applyAll(migrator);
		List<String> applied = SchemaSnapshot.of(db.jdbc());

		assertThat(migrator.planUndo(UndoTarget.latest(), false).steps()).extracting(s -> s.file().id())
			.containsExactly("002-books");
		migrator.undo(UndoRequest.of(UndoTarget.latest()), ApplyListener.NONE, Cancellation.none());
		migrator.undo(UndoRequest.of(UndoTarget.latest()), ApplyListener.NONE, Cancellation.none());
		assertThat(SchemaSnapshot.of(db.jdbc())).isEmpty();
		assertThat(migrator.pendingIds()).containsExactly("001-authors", "002-books");
		applyAll(migrator);

		assertThat(applied).isNotEmpty();
		assertThat(SchemaSnapshot.of(db.jdbc())).isEqualTo(applied);
		assertThat(migrator.history(Optional.empty())).extracting(AuditEntry::action)
			.containsExactly(AuditAction.APPLY, AuditAction.APPLY, AuditAction.UNDO, AuditAction.UNDO,
					AuditAction.APPLY, AuditAction.APPLY);
	}

	@Test
	void failingTransactionalMigrationLeavesNoTraceButAnAuditRow(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-broken.sql",
				"-- migrate:up\nCREATE TABLE half (id int);\nSELECT * FROM\n  nope;\n");
		Migrator migrator = folder.migrator(db);

		assertThatThrownBy(() -> applyAll(migrator)).isInstanceOfSatisfying(MigrationFailedException.class, e -> {
			assertThat(e.migrationId()).isEqualTo("001-broken");
			assertThat(e.sqlState()).contains("42P01");
			assertThat(e.statement()).isEqualTo(2);
			assertThat(e.location()).endsWith("001-broken.sql:4:3");
			assertThat(e.getMessage()).contains("001-broken", "42P01", "relation \"nope\" does not exist",
					"001-broken.sql:4:3");
			assertThat(e.hint()).contains("rolled back");
		});

		assertThat(db.jdbc().queryForObject("SELECT to_regclass('half') IS NULL", Boolean.class)).isTrue();
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.history", Integer.class)).isZero();
		assertThat(migrator.history(Optional.empty())).singleElement().satisfies(entry -> {
			assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
			assertThat(entry.migrationId()).contains("001-broken");
			assertThat(entry.detail()).contains("42P01");
		});
		assertThat(migrator.status().rows()).extracting(MigrationStatus::state).containsExactly(MigrationState.PENDING);
	}

	@Test
	void nonTransactionalMigrationFailingAtStatementTwoOfThreeIsRecordedAndRepairClearsIt(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-no-tx.sql", """
				-- migrate:up transaction:false
				CREATE TABLE n1 (id int);
				CREATE TABLE n1 (id int);
				CREATE TABLE n3 (id int);
				""");
		Migrator migrator = folder.migrator(db);

		assertThatThrownBy(() -> applyAll(migrator)).isInstanceOfSatisfying(MigrationFailedException.class, e -> {
			assertThat(e.statement()).isEqualTo(2);
			assertThat(e.statements()).isEqualTo(3);
			assertThat(e.sqlState()).contains("42P07");
			assertThat(e.hint()).contains("statements 1-1 of 3 ran", "failed at 2/3", "`apply --resume 001-no-tx`",
					"`undo 001-no-tx`", "`mark-applied 001-no-tx`");
		});
		MigrationStatus failed = migrator.status().rows().get(0);
		assertThat(failed.state()).isEqualTo(MigrationState.FAILED);
		assertThat(failed.detail()).startsWith("failed at 2/3: 42P07");
		assertThat(db.jdbc()
			.queryForObject("SELECT to_regclass('n1') IS NOT NULL AND to_regclass('n3') IS NULL", Boolean.class))
			.isTrue();
		assertThatThrownBy(() -> applyAll(migrator)).isInstanceOf(MigshException.class)
			.hasMessageContaining("recorded as failed")
			.satisfies(e -> assertThat(((MigshException) e).exitCode()).isEqualTo(ExitCode.PREFLIGHT_REFUSED));

		RepairResult repaired = migrator.repair(RepairRequest.all());

		assertThat(repaired.actions()).singleElement().satisfies(action -> {
			assertThat(action.kind()).isEqualTo(RepairResult.Kind.CLEARED_FAILED);
			assertThat(action.statementsThatRan()).extracting(s -> s.sql()).containsExactly("CREATE TABLE n1 (id int)");
		});
		assertThat(migrator.status().rows().get(0).state()).isEqualTo(MigrationState.PENDING);
		assertThat(migrator.history(Optional.empty())).extracting(AuditEntry::action, AuditEntry::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.APPLY, AuditOutcome.FAILED),
					org.assertj.core.groups.Tuple.tuple(AuditAction.REPAIR, AuditOutcome.OK));
	}

	@Test
	void refusesToApplyWhenAnAppliedFileChangedAndShowsTheDiff(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-a.sql",
				"-- migrate:up\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
		Migrator migrator = folder.migrator(db);
		applyAll(migrator);
		folder.write("001-a.sql", "-- migrate:up\r\nCREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n");
		assertThat(migrator.status().rows().get(0).state()).isEqualTo(MigrationState.APPLIED);

		folder.write("001-a.sql", "-- migrate:up\nCREATE TABLE a (id bigint);\nCREATE TABLE b (id int);\n");
		folder.write("002-c.sql", "-- migrate:up\nCREATE TABLE c (id int);\n");

		assertThat(migrator.status().rows().get(0).state()).isEqualTo(MigrationState.CHANGED);
		assertThat(migrator.show("1").diff()).hasValueSatisfying(diff -> assertThat(diff)
			.contains("-CREATE TABLE a (id int);", "+CREATE TABLE a (id bigint);", " CREATE TABLE b (id int);"));
		assertThatThrownBy(() -> applyAll(migrator)).isInstanceOfSatisfying(MigshException.class, e -> {
			assertThat(e.getMessage()).contains("001-a", "edited after it was applied");
			assertThat(e.hint()).contains("repair");
		});
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('c') IS NULL", Boolean.class)).isTrue();

		migrator.repair(RepairRequest.all());
		assertThat(migrator.status().rows().get(0).state()).isEqualTo(MigrationState.APPLIED);
		assertThat(applyAll(migrator).applied()).extracting(r -> r.id()).containsExactly("002-c");
	}

	@Test
	void aMigrationsSearchPathAndTimeoutsDoNotLeakIntoTheNext(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-evil.sql",
					"-- migrate:up\nCREATE SCHEMA evil;\nSET search_path = evil;\nCREATE TABLE t1 (id int);\n"
							+ "SET statement_timeout = 1;\n")
			.write("002-next.sql", "-- migrate:up\nSELECT pg_sleep(0.05);\nCREATE TABLE t2 (id int);\n")
			.write("003-no-tx.sql",
					"-- migrate:up transaction:false\nSET search_path = evil;\nCREATE TABLE t3 (id int);\n")
			.write("004-last.sql", "-- migrate:up\nCREATE TABLE t4 (id int);\n");
		Migrator migrator = folder.migrator(db);

		applyAll(migrator);

		assertThat(
				db.jdbc()
					.queryForObject("SELECT to_regclass('evil.t1') IS NOT NULL AND to_regclass('public.t2') IS NOT NULL"
							+ " AND to_regclass('evil.t3') IS NOT NULL AND to_regclass('public.t4') IS NOT NULL",
							Boolean.class))
			.isTrue();
		assertThat(migrator.status().count(MigrationState.APPLIED)).isEqualTo(4);
	}

	@Test
	void undoRefusesWithoutDownSectionAndOutOfOrderUnlessForced(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n")
			.write("002-b.sql", "-- migrate:up\nCREATE TABLE b (id int);\n-- migrate:down\nDROP TABLE b;\n")
			.write("003-c.sql", "-- migrate:up\nCREATE TABLE c (id int);\n");
		Migrator migrator = folder.migrator(db);
		applyAll(migrator);

		assertThatThrownBy(
				() -> migrator.undo(UndoRequest.of(UndoTarget.latest()), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOfSatisfying(MigshException.class, e -> {
				assertThat(e.getMessage()).contains("003-c", "no down section",
						"rolling back needs a restore or a new migration");
				assertThat(e.hint()).contains("backup", "new migration");
			});
		assertThatThrownBy(
				() -> migrator.undo(UndoRequest.of(UndoTarget.only("001-a")), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOf(MigshException.class)
			.hasMessageContaining("not the latest");

		migrator.undo(UndoRequest.of(UndoTarget.only("001-a")).forced(), ApplyListener.NONE, Cancellation.none());
		assertThat(migrator.appliedIds()).containsExactly("002-b", "003-c");
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('a') IS NULL", Boolean.class)).isTrue();

		folder.write("003-c.sql", "-- migrate:up\nCREATE TABLE c (id int);\n-- migrate:down\nDROP TABLE c;\n");
		migrator.repair(RepairRequest.all());
		assertThat(migrator.planUndo(UndoTarget.to("002-b"), false).steps()).extracting(s -> s.file().id())
			.containsExactly("003-c");
		migrator.undo(UndoRequest.of(UndoTarget.to("002-b")), ApplyListener.NONE, Cancellation.none());
		assertThat(migrator.appliedIds()).containsExactly("002-b");
	}

	@Test
	void markAppliedReportsWhichCreatedObjectsExistAndMarkPendingRemovesTheRow(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-m.sql", """
				-- migrate:up
				CREATE TABLE m1 (id int);
				CREATE INDEX m1_idx ON m1 (id);
				CREATE FUNCTION public.m1_fn() RETURNS int LANGUAGE sql AS 'SELECT 1';
				CREATE TYPE mood AS ENUM ('ok');
				""");
		db.jdbc().execute("CREATE TABLE m1 (id int)");
		db.jdbc().execute("CREATE TYPE mood AS ENUM ('ok')");
		Migrator migrator = folder.migrator(db);

		assertThat(migrator.checkMarkApplied("001-m").recorded()).isFalse();
		assertThatThrownBy(() -> migrator.markApplied("001-m")).isInstanceOf(MigshException.class)
			.hasMessageContaining("creates 2 object(s) that do not exist here (index m1_idx, function public.m1_fn)")
			.hasMessageContaining("nothing was recorded");
		assertThat(migrator.pendingIds()).containsExactly("001-m");
		var result = migrator.markApplied("001-m", true);

		assertThat(result.existing()).extracting(DbObject::describe).containsExactly("table m1", "type mood");
		assertThat(result.missing()).extracting(DbObject::describe)
			.containsExactly("index m1_idx", "function public.m1_fn");
		assertThat(migrator.status().rows().get(0).state()).isEqualTo(MigrationState.MARKED);
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('m1_idx') IS NULL", Boolean.class)).isTrue();
		assertThatThrownBy(() -> migrator.markApplied("001-m")).isInstanceOf(MigshException.class)
			.hasMessageContaining("already in the history");

		assertThat(migrator.markPending("001-m").id()).isEqualTo("001-m");
		assertThat(migrator.pendingIds()).containsExactly("001-m");
		assertThatThrownBy(() -> migrator.markPending("001-m")).isInstanceOf(MigshException.class)
			.hasMessageContaining("not in the history");
		assertThat(migrator.history(Optional.empty())).extracting(AuditEntry::action)
			.containsExactly(AuditAction.MARK_APPLIED, AuditAction.MARK_PENDING);
	}

	@Test
	void lockTimeoutNamesTheBlockingSession(TestDatabase db) throws Exception {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-t.sql",
				"-- migrate:up\nCREATE TABLE t (id int);\n");
		Migrator migrator = folder.migrator(db);
		applyAll(migrator);
		folder.write("002-alter.sql", "-- migrate:up\nALTER TABLE t ADD COLUMN x int;\n");
		try (var blocker = db.dataSource().getConnection()) {
			blocker.setAutoCommit(false);
			int blockerPid;
			try (var st = blocker.createStatement()) {
				var rs = st.executeQuery("SELECT pg_backend_pid()");
				rs.next();
				blockerPid = rs.getInt(1);
				st.execute("LOCK TABLE t");
			}
			long start = System.nanoTime();
			ApplyRequest request = ApplyRequest.all()
				.withTimeouts(Duration.ofSeconds(2), Duration.ZERO)
				.withLockRetries(LockRetries.NONE);
			assertThatThrownBy(() -> migrator.apply(request, ApplyListener.NONE, Cancellation.none()))
				.isInstanceOfSatisfying(MigrationFailedException.class, e -> {
					assertThat(e.sqlState()).contains("55P03");
					assertThat(e.blockers()).extracting(b -> b.pid()).contains(blockerPid);
					assertThat(e.getMessage()).contains("Blocked by pid " + blockerPid, "LOCK TABLE t");
					assertThat(e.hint()).contains("pg_terminate_backend(" + blockerPid + ")");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			blocker.rollback();
		}
		assertThat(migrator.pendingIds()).containsExactly("002-alter");
	}

}
