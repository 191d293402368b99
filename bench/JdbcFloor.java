import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The floor for the apply benchmark: N trivial statements through plain JDBC on one
 * connection, each in its own transaction with one history insert, no tool around them.
 * Also creates databases for the benchmark scripts.
 *   java -cp postgresql.jar bench/JdbcFloor.java createdb JDBC_URL NAME
 *   java -cp postgresql.jar bench/JdbcFloor.java floor JDBC_URL N
 *   java -cp postgresql.jar bench/JdbcFloor.java exec JDBC_URL SQL
 *   java -cp postgresql.jar bench/JdbcFloor.java file JDBC_URL MIGRATION.sql
 * `file` runs the up section of a generated one-statement-per-line migration (the lines
 * between `-- migrate:up` and `-- migrate:down`), statement by statement in one transaction,
 * with one history insert: the floor for one big migration.
 */
public class JdbcFloor {

	public static void main(String[] args) throws Exception {
		try (Connection c = DriverManager.getConnection(args[1], "postgres", "")) {
			if (args[0].equals("createdb")) {
				try (Statement s = c.createStatement()) {
					s.execute("DROP DATABASE IF EXISTS " + args[2] + " WITH (FORCE)");
					s.execute("CREATE DATABASE " + args[2]);
				}
				return;
			}
			if (args[0].equals("exec")) {
				try (Statement s = c.createStatement()) {
					s.execute(args[2]);
				}
				return;
			}
			if (args[0].equals("file")) {
				runFile(c, java.nio.file.Path.of(args[2]));
				return;
			}
			int n = Integer.parseInt(args[2]);
			try (Statement s = c.createStatement()) {
				s.execute("CREATE SCHEMA floor");
				s.execute("CREATE TABLE floor.history (id text PRIMARY KEY, sql text, applied_at timestamptz DEFAULT now())");
			}
			c.setAutoCommit(false);
			long start = System.nanoTime();
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO floor.history (id, sql) VALUES (?, ?)")) {
				for (int i = 1; i <= n; i++) {
					String sql = "CREATE TABLE floor_" + i + " (id int)";
					try (Statement s = c.createStatement()) {
						s.execute(sql);
					}
					insert.setString(1, "m" + i);
					insert.setString(2, sql);
					insert.executeUpdate();
					c.commit();
				}
			}
			double ms = (System.nanoTime() - start) / 1e6;
			System.out.printf("%.1f ms total, %.3f ms per statement+history insert+commit%n", ms, ms / n);
		}
	}

	private static void runFile(Connection c, java.nio.file.Path file) throws Exception {
		java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
		java.util.List<String> up = lines.subList(lines.indexOf("-- migrate:up") + 1, lines.indexOf("-- migrate:down"));
		c.setAutoCommit(false);
		try (Statement s = c.createStatement()) {
			for (String sql : up) {
				s.execute(sql);
			}
			s.execute("CREATE TABLE IF NOT EXISTS floor_history (id text PRIMARY KEY, applied_at timestamptz DEFAULT now())");
			s.execute("INSERT INTO floor_history (id) VALUES ('" + file.getFileName() + "')");
		}
		c.commit();
	}

}
