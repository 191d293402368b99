import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migsh.core.Migrator;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.rehearse.ObservedStatement;
import dev.migsh.core.rehearse.RehearsalListener;
import dev.migsh.core.rehearse.RehearsalReport;
import dev.migsh.core.rehearse.RehearsalRequest;
import dev.migsh.core.schema.DatabaseConnector;

/**
 * Times rehearse on the sample project, and compares its live-duration estimate with the
 * real apply for five rewrite-heavy statements on tables of N rows, on an embedded
 * PostgreSQL 17. Run with bench/rehearse.sh [ROWS...] (default 200000); SAMPLE rows copied per
 * table (default 20000), SAMPLE_RUNS rehearsals of the sample project (default 3), REALISTIC
 * generated migrations rehearsed once (default 200; 0 skips); not a test.
 */
public class RehearseBench {

	private static final List<String> STATEMENTS = List.of("ALTER TABLE t ALTER COLUMN c TYPE bigint",
			"ALTER TABLE t ADD COLUMN d timestamptz NOT NULL DEFAULT clock_timestamp()",
			"ALTER TABLE t ALTER COLUMN v TYPE text USING v || ''", "CREATE INDEX t_v ON t (v)",
			"UPDATE t SET c = c + 1");

	private static int database;

	public static void main(String[] args) throws Exception {
		int sample = Integer.parseInt(System.getenv().getOrDefault("SAMPLE", "20000"));
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
			try (HikariDataSource live = database(pg)) {
				Migrator migrator = new Migrator(live, MigratorConfig.defaults(Path.of("migrations")));
				int runs = Integer.parseInt(System.getenv().getOrDefault("SAMPLE_RUNS", "3"));
				for (int run = 0; run < runs; run++) {
					long t0 = System.nanoTime();
					RehearsalReport report = migrator.rehearse(RehearsalRequest.all(), connector(pg),
							RehearsalListener.NONE, Cancellation.none());
					System.out.printf("sample project: %d migrations rehearsed (up, down, up, compared) in %.1f s%s%n",
							report.migrations().size(), seconds(t0), report.succeeded() ? "" : " (FAILED)");
				}
			}
			int realistic = Integer.parseInt(System.getenv().getOrDefault("REALISTIC", "200"));
			if (realistic > 0) {
				realistic(pg, realistic);
			}
			for (String rows : args.length > 0 ? args : new String[] { "200000" }) {
				for (String sql : Integer.parseInt(rows) == 0 ? List.<String>of() : STATEMENTS) {
					ratio(pg, Integer.parseInt(rows), sample, sql);
				}
			}
		}
	}

	private static void ratio(EmbeddedPostgres pg, int rows, int sample, String sql) throws Exception {
		Path dir = Files.createTempDirectory("rehearse-bench");
		Files.writeString(dir.resolve("001-t.sql"),
				"-- migrate:up\nCREATE TABLE t (id int PRIMARY KEY, c int NOT NULL, v varchar(128));\n");
		Files.writeString(dir.resolve("002-s.sql"), "-- migrate:up\n" + sql + ";\n");
		try (HikariDataSource live = database(pg)) {
			Migrator migrator = new Migrator(live, MigratorConfig.defaults(dir));
			migrator.apply(ApplyRequest.of(ApplyTarget.only("001-t")), ApplyListener.NONE, Cancellation.none());
			try (Connection c = live.getConnection(); Statement s = c.createStatement()) {
				s.execute("INSERT INTO t SELECT g, g, 'value number ' || g FROM generate_series(1, " + rows + ") g");
				s.execute("VACUUM ANALYZE t");
			}
			long t0 = System.nanoTime();
			RehearsalReport report = migrator.rehearse(RehearsalRequest.all().withRows(sample), connector(pg),
					RehearsalListener.NONE, Cancellation.none());
			double took = seconds(t0);
			ObservedStatement observed = report.migrations().get(0).statements().get(0);
			Duration estimate = observed.estimate().duration().orElseThrow();
			Duration real = migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none())
				.applied()
				.get(0)
				.duration();
			System.out.printf("%,9d rows, sample %,d: %-72s estimate %6d ms, real %6d ms, ratio %.2f"
					+ " (rehearsal %.1f s; rewrite: %s)%n", rows, sample, sql, estimate.toMillis(), real.toMillis(),
					(double) estimate.toNanos() / Math.max(1, real.toNanos()), took,
					observed.rewritten().isEmpty() ? "none" : String.join(", ", observed.rewritten()));
		}
	}

	/**
	 * N migrations of the shapes real folders are made of, each with its down, on tables
	 * of 500 rows: a table, a column, an index, a data migration, a CHECK constraint, in
	 * turn; rehearsed whole (up, down, up, compared).
	 */
	private static void realistic(EmbeddedPostgres pg, int count) throws Exception {
		Path folder = Files.createTempDirectory("rehearse-bench");
		for (int i = 1; i <= count; i++) {
			String t = "t" + ((i - 1) / 5 + 1);
			String[] upDown = switch ((i - 1) % 5) {
				case 0 -> new String[] { "CREATE TABLE " + t
						+ " (id bigserial PRIMARY KEY, name text NOT NULL, created_at timestamptz DEFAULT now());",
						"DROP TABLE " + t + ";" };
				case 1 -> new String[] { "INSERT INTO " + t + " (name) SELECT 'n' || g FROM generate_series(1, 500) g;",
						"DELETE FROM " + t + ";" };
				case 2 -> new String[] { "ALTER TABLE " + t + " ADD COLUMN note varchar(200);",
						"ALTER TABLE " + t + " DROP COLUMN note;" };
				case 3 -> new String[] { "CREATE INDEX " + t + "_name ON " + t + " (name);",
						"DROP INDEX " + t + "_name;" };
				default -> new String[] {
						"ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_name_len CHECK (length(name) < 100);",
						"ALTER TABLE " + t + " DROP CONSTRAINT " + t + "_name_len;" };
			};
			Files.writeString(folder.resolve(String.format("%04d-m%04d.sql", i, i)),
					"-- migrate:up\n" + upDown[0] + "\n-- migrate:down\n" + upDown[1] + "\n");
		}
		try (HikariDataSource live = database(pg)) {
			Migrator migrator = new Migrator(live, MigratorConfig.defaults(folder));
			long t0 = System.nanoTime();
			RehearsalReport report = migrator.rehearse(RehearsalRequest.all(), connector(pg), RehearsalListener.NONE,
					Cancellation.none());
			System.out.printf("%d realistic migrations (table, rows, column, index, CHECK; each with a down):"
					+ " rehearsed (up, down, up, compared) in %.1f s%s%n", report.migrations().size(), seconds(t0),
					report.succeeded() ? "" : " (FAILED)");
		}
	}

	private static HikariDataSource database(EmbeddedPostgres pg) throws Exception {
		String name = "bench_" + (++database);
		try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
		}
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name);
		config.setUsername("postgres");
		config.setMaximumPoolSize(4);
		return new HikariDataSource(config);
	}

	private static DatabaseConnector connector(EmbeddedPostgres pg) {
		return (db) -> {
			PGSimpleDataSource ds = new PGSimpleDataSource();
			ds.setURL("jdbc:postgresql://localhost:" + pg.getPort() + "/" + db);
			ds.setUser("postgres");
			return ds;
		};
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
