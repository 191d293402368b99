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
 * table (default 20000), SAMPLE_RUNS rehearsals of the sample project (default 3); not a test.
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
			for (String rows : args.length > 0 ? args : new String[] { "200000" }) {
				for (String sql : STATEMENTS) {
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
