package dev.migsh.core;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.MigrationFailedException;
import dev.migsh.core.apply.UndoRequest;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditEntry;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.UndoTarget;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine on folders as real projects write them: empty migrations, lone statements
 * that cannot run in a transaction, and errors located in the file as written.
 */
@ExtendWith(FreshDatabase.class)
class RealFolderApplyTest {

	@TempDir
	Path dir;

	@Test
	void appliesAndUndoesEmptyMigrationsAsRecordedNoOps(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("000001_reserved.up.sql", "")
			.write("000001_reserved.down.sql", "-- nothing to undo\n")
			.write("000002_users.up.sql", "CREATE TABLE users (id int);\n")
			.write("000002_users.down.sql", "DROP TABLE users;\n")
			.write("000003_later.up.sql", "   \n");
		Migrator migrator = folder.migrator(db);

		ApplyResult result = migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());

		assertThat(result.applied()).extracting(r -> r.id(), r -> r.statements())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("000001_reserved", 0),
					org.assertj.core.groups.Tuple.tuple("000002_users", 1),
					org.assertj.core.groups.Tuple.tuple("000003_later", 0));
		assertThat(migrator.status().count(MigrationState.APPLIED)).isEqualTo(3);
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.history", Integer.class)).isEqualTo(3);

		assertThatThrownBy(
				() -> migrator.undo(UndoRequest.of(UndoTarget.latest()), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOf(MigshException.class)
			.hasMessageContaining("000003_later", "no down section");
		migrator.markPending("000003_later");
		migrator.undo(UndoRequest.of(UndoTarget.latest()), ApplyListener.NONE, Cancellation.none());
		migrator.undo(UndoRequest.of(UndoTarget.latest()), ApplyListener.NONE, Cancellation.none());

		assertThat(migrator.status().count(MigrationState.APPLIED)).isZero();
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.history", Integer.class)).isZero();
		assertThat(migrator.history(Optional.empty())).extracting(AuditEntry::action)
			.containsSubsequence(AuditAction.APPLY, AuditAction.APPLY, AuditAction.APPLY, AuditAction.UNDO,
					AuditAction.UNDO);
	}

	@Test
	void runsALoneConcurrentIndexOutsideATransactionAndRecordsIt(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("000001_users.up.sql", "CREATE TABLE users (id int, email text);\n")
			.write("000002_users_email_idx.up.sql",
					"-- built without blocking writes\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n")
			.write("000002_users_email_idx.down.sql", "DROP INDEX CONCURRENTLY users_email_idx;\n");
		Migrator migrator = folder.migrator(db);

		migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());

		assertThat(db.jdbc()
			.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email_idx'::regclass",
					Boolean.class))
			.isTrue();
		assertThat(migrator.status().find("000002_users_email_idx").orElseThrow().state())
			.isEqualTo(MigrationState.APPLIED);
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'", Integer.class))
			.isZero();

		migrator.undo(UndoRequest.of(UndoTarget.latest()), ApplyListener.NONE, Cancellation.none());

		assertThat(db.jdbc().queryForObject("SELECT to_regclass('users_email_idx') IS NULL", Boolean.class)).isTrue();
	}

	@Test
	void recordsAFailedLoneConcurrentIndexAsFailedAndReleasesTheLock(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("000001_users.up.sql", "CREATE TABLE users (id int);\nINSERT INTO users VALUES (1), (1);\n")
			.write("000002_users_id_key.up.sql", "CREATE UNIQUE INDEX CONCURRENTLY users_id_key ON users (id);\n");
		Migrator migrator = folder.migrator(db);

		assertThatThrownBy(() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOfSatisfying(MigrationFailedException.class, e -> {
				assertThat(e.migrationId()).isEqualTo("000002_users_id_key");
				assertThat(e.sqlState()).contains("23505");
			});

		assertThat(migrator.status().find("000002_users_id_key").orElseThrow().state())
			.isEqualTo(MigrationState.FAILED);
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'", Integer.class))
			.isZero();
	}

	@Test
	void locatesAServerErrorInTheFileWhenACommentPrecedesTheStatement(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-broken.sql",
				"-- migrate:up\n-- c\nCREATE TABLE {x};\n");

		assertThatThrownBy(() -> folder.migrator(db).apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOfSatisfying(MigrationFailedException.class,
					e -> assertThat(e.location()).endsWith("001-broken.sql:3:14"));
	}

	@Test
	void locatesAServerErrorInTheFileAsWrittenAfterAReplacedPlaceholder(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("V1__broken.sql",
				"/* shop tables */\r\n\r\nCREATE TABLE ${schema}.products (\r\n  id int,\r\n  name tyype\r\n);\r\n");
		Migrator migrator = new Migrator(db.dataSource(),
				folder.config().withPlaceholders(Placeholders.NONE.withValue("schema", "public")));

		assertThatThrownBy(() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOfSatisfying(MigrationFailedException.class, e -> {
				assertThat(e.sqlState()).contains("42704");
				assertThat(e.location()).endsWith("V1__broken.sql:5:8");
			});
	}

}
