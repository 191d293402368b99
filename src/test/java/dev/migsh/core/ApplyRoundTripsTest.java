package dev.migsh.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.RoundTripCounter;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a transactional migration costs on the wire, counted by a proxy that reads the
 * protocol: BEGIN with the first statement, then the history and audit rows in one
 * statement sent with COMMIT. The lock is checked at most once a second on top.
 */
@ExtendWith(FreshDatabase.class)
class ApplyRoundTripsTest {

	@TempDir
	Path dir;

	@Test
	void aTrivialTransactionalMigrationCostsTwoRoundTripsPlusALockCheckASecond(TestDatabase db) throws Exception {
		MigrationFolder folder = new MigrationFolder(this.dir);
		write(folder, 1, 40);
		List<Long> atStart = new ArrayList<>();
		long seconds;
		long parses;
		try (RoundTripCounter counter = new RoundTripCounter(db)) {
			Migrator migrator = new Migrator(counter.dataSource(), folder.config());
			ApplyListener listener = new ApplyListener() {
				@Override
				public void migrationStarted(MigrationFile file, int index, int total) {
					atStart.add(counter.count());
				}
			};
			long start = System.nanoTime();
			assertThat(migrator.apply(ApplyRequest.all(), listener, Cancellation.none()).applied()).hasSize(40);
			seconds = (System.nanoTime() - start) / 1_000_000_000L;
			parses = counter.namedParses();
		}
		// from the start of the second migration to the start of the last: 38 migrations
		List<Long> each = new ArrayList<>();
		for (int i = 2; i < atStart.size(); i++) {
			each.add(atStart.get(i) - atStart.get(i - 1));
		}
		long total = atStart.get(atStart.size() - 1) - atStart.get(1);
		assertThat(each).as("round trips of each migration").allSatisfy(n -> assertThat(n).isBetween(2L, 3L));
		assertThat(total).as("round trips of 38 migrations in %d s: %s", seconds, each)
			.isLessThanOrEqualTo(2 * 38 + seconds + 1);
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.history", Integer.class)).isEqualTo(40);
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.audit WHERE action = 'apply'", Integer.class))
			.isEqualTo(40);
		// the history write and COMMIT are prepared once, not again after each CREATE
		// TABLE
		// (pgjdbc's flushCacheOnDdl would make it two named parses per migration)
		assertThat(parses).as("statements prepared by name for 40 migrations").isLessThan(20);
	}

	@Test
	void aMigrationThatChangesTheRoleOrSearchPathIsResetBeforeItsHistoryRowAndTheNext(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-role.sql",
					"-- migrate:up\nCREATE ROLE rt_nobody NOLOGIN;\nSET ROLE rt_nobody;\nSET search_path = nowhere;\n")
			.write("002-table.sql", "-- migrate:up\nCREATE TABLE t (id int);\n");
		try {
			Migrator migrator = folder.migrator(db);

			assertThat(migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()).applied())
				.hasSize(2);

			assertThat(db.jdbc().queryForObject("SELECT to_regclass('public.t') IS NOT NULL", Boolean.class)).isTrue();
			assertThat(db.jdbc()
				.queryForObject("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.t'::regclass",
						String.class))
				.isEqualTo(TestDatabase.USER);
		}
		finally {
			db.jdbc().execute("DROP OWNED BY rt_nobody; DROP ROLE IF EXISTS rt_nobody");
		}
	}

	@Test
	void preflightOfManyMigrationsCostsNoMoreRoundTripsThanOfAFew(TestDatabase db) throws Exception {
		MigrationFolder few = new MigrationFolder(java.nio.file.Files.createDirectories(this.dir.resolve("few")));
		write(few, 1, 3);
		MigrationFolder many = new MigrationFolder(java.nio.file.Files.createDirectories(this.dir.resolve("many")));
		write(many, 1, 60);
		long forFew = proposalRoundTrips(db, few);
		long forMany = proposalRoundTrips(db, many);
		// the objects the migrations create are looked up in one query, the schema they
		// go
		// to asked once: nothing is asked per migration
		assertThat(forMany).as("round trips to propose 60 migrations, against %d for 3", forFew).isEqualTo(forFew);
	}

	private static long proposalRoundTrips(TestDatabase db, MigrationFolder folder) throws Exception {
		try (RoundTripCounter counter = new RoundTripCounter(db)) {
			Migrator migrator = new Migrator(counter.dataSource(), folder.config());
			var proposal = migrator.proposeApply(dev.migsh.core.change.ApplyChange.Request.of(ApplyRequest.all()));
			assertThat(proposal.checks().refused()).as("pre-flight of %s", folder.dir()).isFalse();
			return counter.count();
		}
	}

	private static void write(MigrationFolder folder, int from, int to) {
		for (int i = from; i <= to; i++) {
			folder.write(String.format("%03d-t%03d.sql", i, i), String
				.format("-- migrate:up\nCREATE TABLE t%03d (id int);\n-- migrate:down\nDROP TABLE t%03d;\n", i, i));
		}
	}

}
