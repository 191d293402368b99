package dev.migsh.testing;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh database on the shared test server: its name, where it listens, and handy ways
 * to reach it. The superuser is {@code postgres} with no password (trust auth).
 */
public record TestDatabase(String name, int port) implements AutoCloseable {

	public static final String USER = "postgres";

	public String host() {
		return "localhost";
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/" + this.name;
	}

	/** A postgres:// URL as a user would give it to migsh. */
	public String url() {
		return "postgresql://" + USER + "@localhost:" + this.port + "/" + this.name;
	}

	public DataSource dataSource() {
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setServerNames(new String[] { "localhost" });
		ds.setPortNumbers(new int[] { this.port });
		ds.setDatabaseName(this.name);
		ds.setUser(USER);
		return ds;
	}

	/** Connects to other databases on this test server (scratch copies), as this user. */
	public dev.migsh.core.schema.DatabaseConnector connector() {
		return (other) -> {
			PGSimpleDataSource ds = new PGSimpleDataSource();
			ds.setServerNames(new String[] { "localhost" });
			ds.setPortNumbers(new int[] { this.port });
			ds.setDatabaseName(other);
			ds.setUser(USER);
			return ds;
		};
	}

	public JdbcTemplate jdbc() {
		return new JdbcTemplate(dataSource());
	}

	@Override
	public void close() {
		TestPostgres.dropDatabase(this.name, this.port);
	}

}
