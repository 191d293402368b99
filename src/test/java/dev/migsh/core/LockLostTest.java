package dev.migsh.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.LockLostException;
import dev.migsh.core.apply.MigrationLock;
import dev.migsh.core.history.HistoryTable;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A migration that lets go of the migration lock: what it wrote is never recorded while
 * another session holds the lock, and a release the runner can read in the migration
 * stops the run before the history write.
 */
@ExtendWith(FreshDatabase.class)
class LockLostTest {

	@TempDir
	Path dir;

	@Test
	void aMigrationThatReleasesTheLockIsRolledBackAndNothingIsRecorded(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-one.sql", "-- migrate:up\nCREATE TABLE one (id int);\nSELECT pg_advisory_unlock_all();\n")
			.write("002-two.sql", "-- migrate:up\nCREATE TABLE two (id int);\n");
		Migrator migrator = folder.migrator(db);
		assertThatThrownBy(() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOf(LockLostException.class)
			.hasMessageContaining("stopped before writing history");
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.history", Integer.class)).isZero();
		assertThat(db.jdbc()
			.queryForObject("SELECT to_regclass('one') IS NULL AND to_regclass('two') IS NULL", Boolean.class))
			.isTrue();
	}

	@Test
	void aHiddenReleaseNeverLetsTheRunRecordWhileAnotherSessionHoldsTheLock(TestDatabase db) throws Exception {
		// the release is inside a function: nothing in the migration's text shows it
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-helper.sql",
					"-- migrate:up\nCREATE FUNCTION let_go() RETURNS boolean LANGUAGE sql"
							+ " AS $$ SELECT pg_advisory_unlock_all() IS NULL $$;\n")
			.write("002-two.sql",
					"-- migrate:up\nCREATE TABLE two (id int);\nSELECT let_go();\nSELECT pg_sleep(1.5);\n");
		Migrator migrator = folder.migrator(db);
		int objectId = MigrationLock.objectId(new HistoryTable("migsh").qualifiedName());
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection other = db.dataSource().getConnection()) {
			Future<?> run = pool
				.submit(() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()));
			for (int i = 0; i < 500 && !sleeping(db); i++) {
				Thread.sleep(10);
			}
			boolean taken = false;
			for (int i = 0; i < 200 && !taken; i++) {
				try (PreparedStatement ps = other.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
					ps.setInt(1, MigrationLock.CLASS_ID);
					ps.setInt(2, objectId);
					try (ResultSet rs = ps.executeQuery()) {
						rs.next();
						taken = rs.getBoolean(1);
					}
				}
				Thread.sleep(10);
			}
			assertThat(taken).as("the other session took the lock the migration let go").isTrue();
			assertThat(run).failsWithin(30, TimeUnit.SECONDS)
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(LockLostException.class);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(db.jdbc().queryForList("SELECT migration_id FROM migsh.history", String.class))
			.containsExactly("001-helper");
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('two') IS NULL", Boolean.class)).isTrue();
	}

	/** True once the run has let go of the lock and sleeps. */
	private static boolean sleeping(TestDatabase db) {
		return db.jdbc()
			.queryForObject(
					"SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND query = 'SELECT pg_sleep(1.5)'",
					Integer.class, db.name()) > 0;
	}

}
