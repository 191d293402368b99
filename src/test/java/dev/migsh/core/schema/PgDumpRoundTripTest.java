package dev.migsh.core.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.migsh.core.catalog.SqlSplitter;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.testing.TestDatabase;
import dev.migsh.testing.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pg_dump as the oracle: the baseline of the rich schema, run in a fresh database, gives
 * the same schema, compared by migsh's own snapshot and by {@code pg_dump --schema-only}.
 * The test runs on a server of the installed pg_dump's major (pg_dump refuses newer
 * servers), started by {@link TestPostgres#server(int)}.
 */
class PgDumpRoundTripTest {

	/** The major of the pg_dump this machine has; its server is started for the test. */
	private static final int PG_DUMP_MAJOR = 15;

	@Test
	void theBaselineRunInAFreshDatabaseDumpsLikeTheOriginal() throws Exception {
		String version = Dump.version();
		Assumptions.assumeTrue(version.startsWith("pg_dump (PostgreSQL) " + PG_DUMP_MAJOR + "."), () -> "pg_dump "
				+ PG_DUMP_MAJOR + " is needed as the oracle and was not found on the PATH: " + version);
		try (TestDatabase db = TestPostgres.createDatabase(PG_DUMP_MAJOR);
				TestDatabase fresh = TestPostgres.createDatabase(PG_DUMP_MAJOR)) {
			RichSchema.load(db);
			RichSchema.loadExtras(db);
			RichSchema.loadResource(db, "support-objects.sql");
			BaselineScript script = Baseline.generate(db.dataSource(), Set.of("migsh"));
			assertThat(script.notRecreated()).isEmpty();
			String sql = script.upSql();
			run(fresh, SqlSplitter.split(sql, Path.of("baseline.sql"), 1));

			// the built-in comparison runs everywhere; the invalid index is left out on
			// purpose
			assertThat(SchemaDiff.compare(SchemaSnapshot.read(db.dataSource(), Set.of()),
					SchemaSnapshot.read(fresh.dataSource(), Set.of())))
				.extracting(SchemaDifference::describe)
				.containsExactly("index public.dupes_n_idx: in a, not in b");

			Dump original = Dump.of(db);
			assertThat(original.ran()).as(original.output()).isTrue();
			Dump rebuilt = Dump.of(fresh);
			assertThat(rebuilt.ran()).as(rebuilt.output()).isTrue();
			assertThat(rebuilt.normalised()).isEqualTo(original.normalised());
		}
	}

	private static void run(TestDatabase db, List<SqlStatement> statements) throws SQLException {
		try (Connection connection = db.dataSource().getConnection()) {
			connection.setAutoCommit(false);
			for (SqlStatement statement : statements) {
				try (Statement st = connection.createStatement()) {
					st.execute(statement.sql());
				}
			}
			connection.commit();
		}
	}

	/** {@code pg_dump --schema-only} of one database, or why it did not run. */
	private record Dump(boolean ran, String output) {

		static String version() throws InterruptedException {
			try {
				Process process = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
				process.waitFor(10, TimeUnit.SECONDS);
				return output;
			}
			catch (IOException ex) {
				return "pg_dump is not installed (" + ex.getMessage() + ")";
			}
		}

		static Dump of(TestDatabase db) throws InterruptedException {
			ProcessBuilder pb = new ProcessBuilder("pg_dump", "--schema-only", "-h", db.host(), "-p",
					Integer.toString(db.port()), "-U", TestDatabase.USER, db.name())
				.redirectErrorStream(true);
			try {
				Process process = pb.start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					return new Dump(false, "pg_dump did not finish within 60 s");
				}
				return new Dump(process.exitValue() == 0, process.exitValue() == 0 ? output
						: "pg_dump exited with " + process.exitValue() + ": " + output.strip());
			}
			catch (IOException ex) {
				return new Dump(false, "pg_dump is not installed (" + ex.getMessage() + ")");
			}
		}

		/**
		 * The statements without comments, session settings and pg_dump's \restrict
		 * lines, sorted: pg_dump breaks ties between objects by OID, which differ between
		 * the two.
		 */
		List<String> normalised() {
			String kept = this.output.lines()
				.filter((l) -> !l.startsWith("--") && !l.isBlank() && !l.startsWith("SET ")
						&& !l.startsWith("SELECT pg_catalog.set_config") && !l.startsWith("\\restrict")
						&& !l.startsWith("\\unrestrict"))
				.reduce("", (a, b) -> a + b + "\n");
			return Arrays.stream(kept.split(";\n")).map(String::strip).filter((s) -> !s.isEmpty()).sorted().toList();
		}

	}

}
