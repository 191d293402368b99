import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migsh.core.schema.Baseline;
import dev.migsh.core.schema.BaselineProof;
import dev.migsh.core.schema.BaselineScript;
import dev.migsh.core.schema.TableDescriber;
import dev.migsh.core.schema.TableLister;

/**
 * Times describe, table-name completion and baseline on a database with many tables, on an
 * embedded PostgreSQL 17. Run with bench/schema-bench.sh [TABLES]; not a test.
 */
public class SchemaBench {

	public static void main(String[] args) throws Exception {
		int tables = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
			try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("CREATE DATABASE bench");
			}
			PGSimpleDataSource plain = new PGSimpleDataSource();
			plain.setURL("jdbc:postgresql://localhost:" + pg.getPort() + "/bench");
			plain.setUser("postgres");
			long t0 = System.nanoTime();
			build(plain, tables);
			System.out.printf("built %d tables (each: 6 columns, primary key, index, comment; every 10th a foreign key)"
					+ " in %.1f s%n", tables, seconds(t0));

			HikariConfig config = new HikariConfig();
			config.setJdbcUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/bench");
			config.setUsername("postgres");
			config.setMaximumPoolSize(4);
			try (HikariDataSource pool = new HikariDataSource(config)) {
				TableLister lister = new TableLister(pool, Set.of("migsh"));
				time("completion: TableLister.names()", () -> lister.names().size());
				TableDescriber describer = new TableDescriber(pool);
				String name = String.format("t_%05d", tables / 2);
				time("describe " + name, () -> describer.describe(name).columns().size());

				long g = System.nanoTime();
				BaselineScript script = Baseline.generate(pool, Set.of("migsh"));
				double generate = seconds(g);
				long p = System.nanoTime();
				BaselineProof proof = Baseline.prove(script, Path.of("baseline.sql"), 1, pool, Set.of("migsh"),
						(db) -> {
							PGSimpleDataSource ds = new PGSimpleDataSource();
							ds.setURL("jdbc:postgresql://localhost:" + pg.getPort() + "/" + db);
							ds.setUser("postgres");
							return ds;
						});
				double prove = seconds(p);
				System.out.printf("baseline: generate %.2f s (%d statements), prove %.2f s (%s objects, %s), total %.2f s%n",
						generate, script.statementCount(), prove, proof.objects(),
						proof.proven() ? "no difference" : proof.differences().size() + " differences", generate + prove);
			}
		}
	}

	private static void build(DataSource ds, int tables) throws Exception {
		try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			for (int i = 1; i <= tables; i++) {
				String t = String.format("t_%05d", i);
				s.addBatch("CREATE TABLE " + t + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,"
						+ " amount numeric(12,2) DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now(), parent_id bigint,"
						+ " tags text[])");
				s.addBatch("CREATE INDEX " + t + "_name_idx ON " + t + " (lower(name))");
				s.addBatch("COMMENT ON TABLE " + t + " IS 'bench table " + i + "'");
				if (i % 10 == 0) {
					s.addBatch("ALTER TABLE " + t + " ADD FOREIGN KEY (parent_id) REFERENCES "
							+ String.format("t_%05d", i - 1));
				}
				if (i % 500 == 0) {
					s.executeBatch();
					c.commit();
				}
			}
			s.executeBatch();
			c.commit();
			s.execute("ANALYZE");
		}
	}

	private interface Work {

		int run() throws Exception;

	}

	private static void time(String what, Work work) throws Exception {
		long first = System.nanoTime();
		int size = work.run();
		double firstMs = (System.nanoTime() - first) / 1e6;
		List<Double> warm = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long t = System.nanoTime();
			work.run();
			warm.add((System.nanoTime() - t) / 1e6);
		}
		warm.sort(null);
		System.out.printf("%s: first %.0f ms, warm %.0f ms (median of 5; result size %d)%n", what, firstMs,
				warm.get(2), size);
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
