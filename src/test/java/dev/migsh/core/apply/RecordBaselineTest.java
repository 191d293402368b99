package dev.migsh.core.apply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migsh.core.MigshException;
import dev.migsh.core.Migrator;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.schema.DatabaseConnector;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A baseline whose proof fails still leaves its SQL in a real file, marked unproven. */
@ExtendWith(FreshDatabase.class)
class RecordBaselineTest {

	@TempDir
	Path dir;

	@Test
	void aProofThatFindsADifferenceWritesTheSqlAsUnprovenAndRecordsNothing(TestDatabase db) throws Exception {
		db.jdbc().execute("CREATE TABLE notes (id integer)");
		db.jdbc()
			.execute("CREATE OPERATOR CLASS int4_plain FOR TYPE integer USING btree AS OPERATOR 1 <, OPERATOR 3 =,"
					+ " FUNCTION 1 btint4cmp(integer, integer)");

		BaselineResult result = migrator(db).baseline(request(false));

		assertThat(result.proof().proven()).isFalse();
		assertThat(result.recordedId()).isEmpty();
		Path unproven = this.dir.resolve("001-baseline.sql.unproven");
		assertThat(result.file()).contains(unproven);
		assertThat(Files.readString(unproven)).contains("-- UNPROVEN: building it in a scratch database")
			.contains("CREATE TABLE public.notes")
			.contains("--   operator class public.int4_plain for access method btree: in the database, not recreated"
					+ " by the baseline\n");
		try (var files = Files.list(this.dir)) {
			assertThat(files).containsExactly(unproven);
		}
	}

	@Test
	void aStatementThatFailsInTheScratchDatabaseIsCitedAtItsLineInTheUnprovenFile(TestDatabase db) throws Exception {
		// a cycle no order can build: the function's body reads the view, which calls it
		db.jdbc().execute("CREATE FUNCTION answer() RETURNS bigint LANGUAGE sql RETURN 42");
		db.jdbc().execute("CREATE VIEW answers AS SELECT answer() AS a");
		db.jdbc()
			.execute("CREATE OR REPLACE FUNCTION answer() RETURNS bigint LANGUAGE sql"
					+ " BEGIN ATOMIC SELECT count(*) FROM answers; END");

		MigshException failure = catchThrowableOfType(MigshException.class, () -> migrator(db).baseline(request(true)));

		Path unproven = this.dir.resolve("001-baseline.sql.unproven");
		Matcher at = Pattern.compile(Pattern.quote(unproven.toString()) + ":(\\d+):(\\d+)")
			.matcher(failure.getMessage());
		assertThat(at.find()).as(failure.getMessage()).isTrue();
		List<String> lines = Files.readAllLines(unproven);
		String cited = lines.get(Integer.parseInt(at.group(1)) - 1);
		assertThat(cited).as("line %s of %s: %s", at.group(1), unproven, String.join("\n", lines))
			.containsAnyOf("answer", "answers");
		assertThat(failure.hint()).contains(unproven.toString());
		assertThat(Files.readString(unproven)).contains("-- UNPROVEN, because:");
	}

	private Migrator migrator(TestDatabase db) {
		return new Migrator(db.dataSource(), MigratorConfig.defaults(this.dir).withOperator("tester@testhost"));
	}

	private static BaselineRequest request(boolean dryRun) {
		return new BaselineRequest(dryRun, Optional.empty(), false, connector(), Clock.systemUTC());
	}

	private static DatabaseConnector connector() {
		return (name) -> {
			PGSimpleDataSource ds = new PGSimpleDataSource();
			ds.setServerNames(new String[] { "localhost" });
			ds.setPortNumbers(new int[] { dev.migsh.testing.TestPostgres.server().getPort() });
			ds.setDatabaseName(name);
			ds.setUser(TestDatabase.USER);
			return ds;
		};
	}

}
