package dev.migsh.core.rehearse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.MigrationFolder;
import dev.migsh.core.Migrator;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.MigrationFailedException;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.lint.LockMode;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.schema.DatabaseConnector;
import dev.migsh.core.schema.SchemaSnapshot;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(FreshDatabase.class)
class RehearsalTest {

	@TempDir
	Path dir;

	static DatabaseConnector connector(TestDatabase db) {
		return db.connector();
	}

	static RehearsalReport rehearse(Migrator migrator, TestDatabase db, RehearsalRequest request) {
		return migrator.rehearse(request, connector(db), RehearsalListener.NONE, Cancellation.none());
	}

	/** Everything a rehearsal must leave alone: schema, data, history and audit. */
	static String liveState(TestDatabase db, String... tables) {
		StringBuilder state = new StringBuilder(SchemaSnapshot.read(db.dataSource(), Set.of()).toString());
		for (String table : tables) {
			state.append(db.jdbc()
				.queryForObject(
						"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table + " t",
						String.class));
		}
		state.append(db.jdbc().queryForList("SELECT * FROM migsh.history ORDER BY 1").toString());
		state.append(db.jdbc().queryForList("SELECT * FROM migsh.audit ORDER BY 1").toString());
		return state.toString();
	}

	static List<String> scratchDatabases(TestDatabase db) {
		return db.jdbc()
			.queryForList("SELECT datname FROM pg_database WHERE datname LIKE 'migsh\\_scratch\\_%'", String.class);
	}

	@Test
	void aTypeChangeRewritesAWideningDoesNotBothLockEverythingAndTheEstimateIsNearTheRealApply(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-t.sql",
					"-- migrate:up\nCREATE TABLE t (id int PRIMARY KEY, c int NOT NULL, v varchar(128));\n"
							+ "-- migrate:down\nDROP TABLE t;\n")
			.write("002-c-bigint.sql",
					"-- migrate:up\nALTER TABLE t ALTER COLUMN c TYPE bigint;\n"
							+ "-- migrate:down\nALTER TABLE t ALTER COLUMN c TYPE int;\n")
			.write("003-v-wider.sql", "-- migrate:up\nALTER TABLE t ALTER COLUMN v TYPE varchar(1024);\n"
					+ "-- migrate:down\nALTER TABLE t ALTER COLUMN v TYPE varchar(128);\n");
		Migrator migrator = folder.migrator(db);
		migrator.apply(ApplyRequest.of(ApplyTarget.only("001-t")), ApplyListener.NONE, Cancellation.none());
		db.jdbc()
			.execute("INSERT INTO t SELECT g, g, 'value number ' || g FROM generate_series(1, 200000) g; ANALYZE t");
		String before = liveState(db, "t");

		RehearsalReport report = rehearse(migrator, db, RehearsalRequest.all().withRows(20000));

		assertThat(liveState(db, "t")).isEqualTo(before);
		assertThat(scratchDatabases(db)).isEmpty();
		assertThat(report.succeeded()).isTrue();
		assertThat(report.copy().tables()).extracting(CopySummary.SampledTable::table, CopySummary.SampledTable::copied)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("public.t", 20000L));
		ObservedStatement bigint = report.migrations().get(0).statements().get(0);
		ObservedStatement wider = report.migrations().get(1).statements().get(0);
		assertThat(bigint.rewritten()).containsExactly("public.t");
		assertThat(bigint.rebuiltIndexes()).containsExactly("public.t_pkey");
		assertThat(bigint.bytesWritten()).isPositive();
		assertThat(wider.rewritten()).isEmpty();
		assertThat(bigint.strongestLock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
		assertThat(wider.strongestLock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
		assertThat(bigint.blocks()).isEqualTo("reads and writes");
		assertThat(bigint.estimate().basis()).contains("public.t").contains("live pages");
		assertThat(wider.estimate().basis()).isEqualTo("no rows read or written: as on the copy");
		assertThat(report.migrations()).extracting((m) -> m.roundTrip().outcome())
			.containsOnly(RoundTrip.Outcome.PROVEN);
		assertThat(report.worstLock()).hasValueSatisfying((w) -> {
			assertThat(w.migration()).isEqualTo("002-c-bigint");
			assertThat(w.mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
		});

		Duration real = migrator
			.apply(ApplyRequest.of(ApplyTarget.only("002-c-bigint")), ApplyListener.NONE, Cancellation.none())
			.applied()
			.get(0)
			.duration();
		Duration estimate = bigint.estimate().duration().orElseThrow();
		double ratio = (double) estimate.toNanos() / Math.max(1, real.toNanos());
		System.out.printf("rehearse: ALTER COLUMN c TYPE bigint on 200,000 rows: estimate %d ms (%s), real %d ms, "
				+ "ratio %.2f%n", estimate.toMillis(), bigint.estimate().basis(), real.toMillis(), ratio);
		assertThat(ratio).isBetween(1.0 / 3, 3.0);
	}

	@Test
	void aUniqueIndexOverDuplicatesFailsAsApplyFailsAndTheLiveDatabaseIsUntouched(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-users.sql",
					"-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);\n"
							+ "-- migrate:down\nDROP TABLE users;\n")
			.write("002-unique-email.sql",
					"-- migrate:up\nCREATE TABLE audit_note (id int);\n\nCREATE UNIQUE INDEX users_email ON users (email);\n"
							+ "-- migrate:down\nDROP INDEX users_email;\nDROP TABLE audit_note;\n")
			.write("003-after.sql", "-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n");
		Migrator migrator = folder.migrator(db);
		migrator.apply(ApplyRequest.of(ApplyTarget.only("001-users")), ApplyListener.NONE, Cancellation.none());
		db.jdbc().execute("INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x'), (3, 'a@x')");
		String before = liveState(db, "users");

		RehearsalReport report = rehearse(migrator, db, RehearsalRequest.all());

		assertThat(liveState(db, "users")).isEqualTo(before);
		assertThat(scratchDatabases(db)).isEmpty();
		assertThat(report.succeeded()).isFalse();
		MigrationRehearsal failed = report.failed().orElseThrow();
		assertThat(failed.id()).isEqualTo("002-unique-email");
		assertThat(failed.statements()).hasSize(1);
		assertThat(report.migrations().get(1).outcome()).isEqualTo(MigrationRehearsal.Outcome.NOT_RUN);
		MigrationRehearsal.Failure failure = failed.failure().orElseThrow();
		assertThat(failure.location()).endsWith("002-unique-email.sql:4:1");
		assertThat(failure.sqlState()).isEqualTo("23505");

		assertThatThrownBy(() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOfSatisfying(MigrationFailedException.class, (ex) -> {
				assertThat(failure.message()).isEqualTo(ex.getMessage());
				assertThat(failure.hint()).isEqualTo(ex.hint());
				assertThat(failure.location()).isEqualTo(ex.location());
			});
	}

	@Test
	void aTableTheStatementCreatesIsLeftOutOfThePredictionItIsComparedWith(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-users.sql", "-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY);\n")
			.write("002-posts.sql",
					"-- migrate:up\nCREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);\n"
							+ "-- migrate:down\nDROP TABLE posts;\n");
		Migrator migrator = folder.migrator(db);
		migrator.apply(ApplyRequest.of(ApplyTarget.only("001-users")), ApplyListener.NONE, Cancellation.none());

		RehearsalReport report = rehearse(migrator, db, RehearsalRequest.all());

		ObservedStatement create = report.migrations().get(0).statements().get(0);
		// the new table's own ACCESS EXCLUSIVE blocks nobody: only the referenced table's
		// lock is
		// compared, and the copy sees the same
		assertThat(create.strongestLock()).isEqualTo(dev.migsh.core.lint.LockMode.SHARE_ROW_EXCLUSIVE);
		assertThat(create.disagreements()).isEmpty();
	}

	@Test
	void aStatementOutsideATransactionHasItsLocksSampledWhileItRuns(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-t.sql", """
				-- migrate:up
				CREATE TABLE t (id int PRIMARY KEY, v text);
				-- a slow index expression keeps the build running for a second or so on any machine,
				-- so that a sample is taken while it runs
				CREATE FUNCTION slow_v(text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
				BEGIN PERFORM pg_sleep(0.0002); RETURN $1; END $$;
				""")
			.write("002-index.sql", "-- migrate:up\nCREATE INDEX CONCURRENTLY t_v ON t (slow_v(v));\n"
					+ "-- migrate:down\nDROP INDEX CONCURRENTLY t_v;\n");
		Migrator migrator = folder.migrator(db);
		migrator.apply(ApplyRequest.of(ApplyTarget.only("001-t")), ApplyListener.NONE, Cancellation.none());
		db.jdbc().execute("INSERT INTO t SELECT g, md5(g::text) FROM generate_series(1, 2000) g");

		RehearsalReport report = rehearse(migrator, db, RehearsalRequest.all());

		ObservedStatement index = report.migrations().get(0).statements().get(0);
		assertThat(index.inTransaction()).isFalse();
		assertThat(index.locks()).extracting(ObservedLock::relation, ObservedLock::mode)
			.contains(org.assertj.core.groups.Tuple.tuple("public.t", LockMode.SHARE_UPDATE_EXCLUSIVE));
		assertThat(index.blocks()).isEqualTo("none");
		assertThat(report.migrations().get(0).roundTrip().outcome()).isEqualTo(RoundTrip.Outcome.PROVEN);
	}

	@Test
	void excludedColumnsAreNulledOrFakedAndRowsWithoutTheirParentAreLeftOut(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-users.sql",
					"-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, secret text,"
							+ " ip inet NOT NULL);\n"
							+ "CREATE TABLE posts (id int PRIMARY KEY, user_id int NOT NULL REFERENCES users);\n"
							+ "CREATE TABLE keys (id int PRIMARY KEY, token inet NOT NULL);\n")
			.write("002-checks.sql",
					"-- migrate:up\nALTER TABLE users ADD CONSTRAINT no_secret CHECK (secret IS NULL);\n"
							+ "ALTER TABLE users ADD CONSTRAINT redacted CHECK (email LIKE 'redacted-%');\n"
							+ "ALTER TABLE posts ADD CONSTRAINT few CHECK (user_id <= 2);\n"
							+ "-- migrate:down\nALTER TABLE posts DROP CONSTRAINT few;\n"
							+ "ALTER TABLE users DROP CONSTRAINT redacted;\nALTER TABLE users DROP CONSTRAINT no_secret;\n");
		Migrator migrator = folder.migrator(db);
		migrator.apply(ApplyRequest.of(ApplyTarget.only("001-users")), ApplyListener.NONE, Cancellation.none());
		db.jdbc()
			.execute(
					"INSERT INTO users SELECT g, 'user' || g || '@x', 'pw' || g, '10.0.0.1' FROM generate_series(1, 5) g;"
							+ " INSERT INTO posts SELECT g, g FROM generate_series(1, 5) g;"
							+ " INSERT INTO keys VALUES (1, '10.0.0.2')");

		RehearsalReport report = rehearse(migrator, db,
				RehearsalRequest.all().withRows(2).excluding(Pattern.compile("(?i)email|secret|keys\\.token")));

		assertThat(report.succeeded()).as("%s", report.failed()).isTrue();
		assertThat(report.copy().tables())
			.extracting(CopySummary.SampledTable::table, CopySummary.SampledTable::copied, (t) -> t.excludedColumns())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("public.keys", 0L, List.of("token")),
					org.assertj.core.groups.Tuple.tuple("public.posts", 2L, List.of()),
					org.assertj.core.groups.Tuple.tuple("public.users", 2L, List.of("email", "secret")));
		assertThat(report.copy().skipped()).singleElement()
			.asString()
			.contains("public.keys: column token is excluded and NOT NULL")
			.contains("type inet");
		assertThat(report.migrations().get(0).roundTrip().outcome()).isEqualTo(RoundTrip.Outcome.PROVEN);
	}

	@Test
	void theSampleProjectRehearsesEndToEndWithEveryDownProven(TestDatabase db) {
		Migrator migrator = new Migrator(db.dataSource(),
				MigratorConfig.defaults(Path.of("migrations")).withOperator("tester@testhost"));
		migrator.apply(ApplyRequest.of(ApplyTarget.upTo("003-create-enrollments")), ApplyListener.NONE,
				Cancellation.none());
		db.jdbc()
			.execute("INSERT INTO users (email, password_hash, first_name, last_name, role)"
					+ " SELECT 'u' || g || '@x', 'pw', 'F', 'L', 'student' FROM generate_series(1, 50) g");
		String before = liveState(db, "users");

		RehearsalReport report = rehearse(migrator, db, RehearsalRequest.all());

		assertThat(liveState(db, "users")).isEqualTo(before);
		assertThat(report.succeeded()).as("%s", report.failed()).isTrue();
		assertThat(report.migrations()).hasSize(migrator.pendingIds().size());
		Map<String, MigrationFile> files = new HashMap<>();
		migrator.catalog().migrations().forEach((f) -> files.put(f.id(), f));
		assertThat(report.migrations()).allSatisfy((m) -> assertThat(m.roundTrip().outcome())
			.as("%s: %s %s", m.id(), m.roundTrip().differences(), m.roundTrip().problem())
			.isEqualTo(expectedWayBack(files.get(m.id()))));
		assertThat(report.migrations()).filteredOn((m) -> m.roundTrip().outcome() == RoundTrip.Outcome.PROVEN)
			.hasSizeGreaterThan(10);
		System.out.printf("rehearse: sample project, %d pending migrations, %d ms%n", report.migrations().size(),
				report.took().toMillis());
	}

	private static RoundTrip.Outcome expectedWayBack(MigrationFile file) {
		if (!file.hasDown()) {
			return RoundTrip.Outcome.NO_DOWN;
		}
		return file.down().get().isEmpty() ? RoundTrip.Outcome.EMPTY_DOWN : RoundTrip.Outcome.PROVEN;
	}

}
