package dev.migsh.core;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A migration the server refuses only at COMMIT (a deferred foreign key): its COMMIT goes
 * in the same round trip as its history row, and neither is kept.
 */
@ExtendWith(FreshDatabase.class)
class CommitRefusedTest {

	@TempDir
	Path dir;

	@Test
	void aMigrationRefusedAtCommitIsRolledBackUnrecordedAndTheRunStopsThere(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-tables.sql",
					"-- migrate:up\nCREATE TABLE parent (id int PRIMARY KEY);\n"
							+ "CREATE TABLE child (parent int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);\n")
			.write("002-orphan.sql", "-- migrate:up\nCREATE TABLE side (id int);\nINSERT INTO child VALUES (42);\n")
			.write("003-later.sql", "-- migrate:up\nCREATE TABLE later (id int);\n");
		Migrator migrator = folder.migrator(db);

		assertThatThrownBy(() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOfSatisfying(MigshException.class, e -> {
				assertThat(e.getMessage()).contains("Nothing of 002-orphan was kept", "rolled back", "23503");
				assertThat(e.hint()).contains("deferred constraint", "apply");
			});

		assertThat(migrator.appliedIds()).containsExactly("001-tables");
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM child", Integer.class)).isZero();
		assertThat(db.jdbc()
			.queryForObject("SELECT to_regclass('side') IS NULL AND to_regclass('later') IS NULL", Boolean.class))
			.isTrue();
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'", Integer.class))
			.as("the lock is released")
			.isZero();

		// fixed, the same run goes on from there
		folder.write("002-orphan.sql", "-- migrate:up\nCREATE TABLE side (id int);\nINSERT INTO parent VALUES (42);\n"
				+ "INSERT INTO child VALUES (42);\n");
		assertThat(migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()).applied()).hasSize(2);
		assertThat(migrator.appliedIds()).containsExactly("001-tables", "002-orphan", "003-later");
	}

}
