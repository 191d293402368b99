package dev.migsh.core.schema;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.postgres.PostgresErrors;
import dev.migsh.core.postgres.ServerError;

/**
 * An empty database to build a schema in and compare: {@code migsh_scratch_<random>}
 * created on the live server (the same major version by construction) and dropped on
 * close, even after a failure; or, when the user may not create databases and the server
 * is PostgreSQL 17, an embedded PostgreSQL 17 started for the occasion.
 */
public final class ScratchDatabase implements AutoCloseable {

	/** The major version of the embedded binaries on the classpath. */
	static final int EMBEDDED_MAJOR = 17;

	static final String PREFIX = "migsh_scratch_";

	private static final String SERVER = """
			SELECT current_setting('server_version_num')::int / 10000, current_user,
			       (SELECT r.rolcreatedb OR r.rolsuper FROM pg_roles r WHERE r.rolname = current_user)""";

	// the server quotes the name and the locale values; nothing is spliced in by hand
	private static final String CREATE = """
			SELECT format('CREATE DATABASE %I TEMPLATE template0 ENCODING %L LC_COLLATE %L LC_CTYPE %L', ?::text,
			              pg_encoding_to_char(d.encoding), d.datcollate, d.datctype)
			       || CASE to_jsonb(d) ->> 'datlocprovider'
			            WHEN 'i' THEN format(' LOCALE_PROVIDER icu ICU_LOCALE %L',
			                                 coalesce(to_jsonb(d) ->> 'datlocale', to_jsonb(d) ->> 'daticulocale'))
			            WHEN 'b' THEN format(' LOCALE_PROVIDER builtin BUILTIN_LOCALE %L', to_jsonb(d) ->> 'datlocale')
			            ELSE '' END
			  FROM pg_database d WHERE d.datname = current_database()""";

	private static final String DROP = "SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', ?::text)";

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private final DataSource live;

	private final String name;

	private final EmbeddedPostgres embedded;

	private final DataSource dataSource;

	private ScratchDatabase(DataSource live, String name, EmbeddedPostgres embedded, DataSource dataSource) {
		this.live = live;
		this.name = name;
		this.embedded = embedded;
		this.dataSource = dataSource;
	}

	/**
	 * Creates the scratch database next to the live one, or starts the embedded server.
	 * @throws MigshException when neither is possible, saying which privilege is missing
	 */
	public static ScratchDatabase create(DataSource live, DatabaseConnector connector) {
		int major;
		String user;
		boolean mayCreate;
		try (Connection connection = live.getConnection();
				Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery(SERVER)) {
			rs.next();
			major = rs.getInt(1);
			user = rs.getString(2);
			mayCreate = rs.getBoolean(3);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the server version and privileges", ex,
					"Check the connection with 'info'.");
		}
		if (mayCreate) {
			String name = PREFIX + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
			try {
				execute(live, CREATE, name);
			}
			catch (SQLException ex) {
				if (!INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState())) {
					throw PostgresErrors.failure("Could not create the scratch database " + name, ex,
							"Check that the server accepts a new database (disk space, max connections).");
				}
				return embedded(major, user);
			}
			ScratchDatabase scratch = new ScratchDatabase(live, name, null, connector.open(name));
			try (Connection check = scratch.dataSource.getConnection()) {
				check.isValid(5);
			}
			catch (SQLException | RuntimeException ex) {
				scratch.close();
				throw new MigshException("Could not connect to the scratch database " + name + ": " + ex.getMessage(),
						"pg_hba.conf must let " + user + " connect to a new database named " + PREFIX
								+ "...; allow it, or run this against a server where it can.",
						ex);
			}
			return scratch;
		}
		return embedded(major, user);
	}

	private static ScratchDatabase embedded(int major, String user) {
		checkEmbeddedFits(major, user);
		try {
			EmbeddedPostgres server = EmbeddedPostgres.builder().start();
			return new ScratchDatabase(null, null, server, server.getPostgresDatabase());
		}
		catch (Exception ex) {
			throw new MigshException(
					"Could not start the embedded PostgreSQL " + EMBEDDED_MAJOR + " for the scratch database: "
							+ ex.getMessage(),
					"Grant " + user + " the CREATEDB privilege so the scratch database can live on the same server.",
					ex);
		}
	}

	/** The embedded server can stand in only for a server of its own major version. */
	static void checkEmbeddedFits(int major, String user) {
		if (major != EMBEDDED_MAJOR) {
			throw new MigshException("The user " + user
					+ " may not create databases, and a scratch database is needed to build the schema and compare it"
					+ " (migsh's embedded PostgreSQL is " + EMBEDDED_MAJOR + ", the server is " + major + ")",
					"Grant the privilege with ALTER ROLE " + user
							+ " CREATEDB, or run this as a user who has it; the scratch database is dropped afterwards.");
		}
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	/** Where the scratch database lives, for the report. */
	public String description() {
		return (this.embedded != null) ? "an embedded PostgreSQL " + EMBEDDED_MAJOR
				: "database " + this.name + " on the same server";
	}

	/**
	 * Runs statements in the scratch database, in one transaction or one by one.
	 * @throws MigshException naming {@code file}:line:column of the statement that failed
	 */
	public void run(Path file, List<SqlStatement> statements, boolean transactional, String what) {
		run(file, statements, transactional, what, StatementWatch.NONE);
	}

	/**
	 * As {@link #run(Path, List, boolean, String)}; {@code watch} can cancel the running
	 * statement and stops before the next one.
	 * @throws OperationCancelledException when it was cancelled
	 */
	public void run(Path file, List<SqlStatement> statements, boolean transactional, String what,
			StatementWatch watch) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(!transactional);
			for (SqlStatement statement : statements) {
				if (watch.isCancelled()) {
					throw new OperationCancelledException(what);
				}
				try (Statement st = connection.createStatement()) {
					st.setEscapeProcessing(false);
					watch.running(st);
					st.execute(statement.sent());
				}
				catch (SQLException ex) {
					if (watch.isCancelled()) {
						throw new OperationCancelledException(what);
					}
					ServerError error = PostgresErrors.describe(ex);
					throw new MigshException(what + " failed in the scratch database at "
							+ PostgresErrors.location(file, statement, error.position()) + ": " + error.summary(),
							"Nothing was changed in the live database; the scratch database is dropped.", ex);
				}
				finally {
					watch.finished();
				}
			}
			if (transactional) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not use the scratch database", ex, "Check the server's logs.");
		}
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			try {
				this.embedded.close();
			}
			catch (java.io.IOException ex) {
				// the embedded server's own shutdown hook removes what is left
			}
			return;
		}
		try {
			execute(this.live, DROP, this.name);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not drop the scratch database " + this.name, ex,
					"Drop it by hand: DROP DATABASE " + this.name + ";");
		}
	}

	private static void execute(DataSource live, String formatQuery, String name) throws SQLException {
		try (Connection connection = live.getConnection()) {
			String sql;
			try (PreparedStatement ps = connection.prepareStatement(formatQuery)) {
				ps.setString(1, name);
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					sql = rs.getString(1);
				}
			}
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try (Statement st = connection.createStatement()) {
				st.execute(sql);
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

}
