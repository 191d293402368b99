package dev.migsh.core.connect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/**
 * A connected session: a small HikariCP pool kept for the life of the shell, the settings
 * it was opened with and what the server said about itself. Notices a server restart.
 */
public final class Database implements AutoCloseable {

	static final String SERVER_INFO_SQL = """
			SELECT version(), current_setting('server_version_num')::int, current_user, current_database(),
			       pg_backend_pid(), COALESCE(s.ssl, false), s.version, pg_is_in_recovery(),
			       current_setting('transaction_read_only') = 'on', pg_postmaster_start_time(),
			       current_setting('search_path')
			FROM (SELECT 1) one LEFT JOIN pg_stat_ssl s ON s.pid = pg_backend_pid()""";

	private final HikariDataSource pool;

	private final ConnectionSettings settings;

	private volatile ServerInfo serverInfo;

	private Database(HikariDataSource pool, ConnectionSettings settings, ServerInfo serverInfo) {
		this.pool = pool;
		this.settings = settings;
		this.serverInfo = serverInfo;
	}

	/**
	 * Opens the pool and checks the login; a failure is translated into a message a user
	 * can act on.
	 */
	public static Database open(ConnectionSettings settings) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("migsh");
		config.setJdbcUrl(settings.jdbcUrl());
		config.setDataSourceProperties(settings.jdbcProperties());
		config.setMaximumPoolSize(4);
		// one: the connection the pool opens to check the login is kept for the first
		// query instead of closed (at 0 every start connected twice, TLS and SCRAM
		// included)
		config.setMinimumIdle(1);
		Integer connectTimeout = settings.options().connectTimeoutSeconds();
		// the pool waits at least as long as the driver's connect_timeout (0: for ever)
		config.setConnectionTimeout((connectTimeout == null) ? 10_000
				: (connectTimeout == 0) ? 0 : Math.max(10_000, (connectTimeout + 1) * 1000L));
		config.setValidationTimeout(3_000);
		config.setIdleTimeout(600_000);
		config.setExceptionOverrideClassName(PostgresEviction.class.getName());
		HikariDataSource pool;
		try {
			pool = new HikariDataSource(config);
		}
		catch (HikariPool.PoolInitializationException ex) {
			throw ConnectionErrors.translate(settings, ex.getCause() != null ? ex.getCause() : ex);
		}
		catch (RuntimeException ex) {
			throw ConnectionErrors.translate(settings, ex);
		}
		try {
			return new Database(pool, settings, readServerInfo(pool));
		}
		catch (SQLException ex) {
			pool.close();
			throw ConnectionErrors.translate(settings, ex);
		}
	}

	public DataSource dataSource() {
		return this.pool;
	}

	public ConnectionSettings settings() {
		return this.settings;
	}

	public ServerInfo serverInfo() {
		return this.serverInfo;
	}

	/**
	 * Checks the session is alive. The pool replaces broken connections by itself; this
	 * says so when the server restarted since the last check, because session state
	 * (locks, settings) did not survive it.
	 */
	public Optional<String> checkAlive() {
		try {
			ServerInfo now = readServerInfo(this.pool);
			ServerInfo before = this.serverInfo;
			this.serverInfo = now;
			if (!Objects.equals(now.postmasterStartTime(), before.postmasterStartTime())) {
				return Optional.of("Reconnected: the server restarted at " + now.postmasterStartTime()
						+ "; session state on the server was reset.");
			}
			return Optional.empty();
		}
		catch (SQLException ex) {
			throw ConnectionErrors.translate(this.settings, ex);
		}
		catch (RuntimeException ex) {
			throw ConnectionErrors.translate(this.settings, ex);
		}
	}

	private static ServerInfo readServerInfo(DataSource ds) throws SQLException {
		try (Connection c = ds.getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(SERVER_INFO_SQL)) {
			rs.next();
			return new ServerInfo(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					rs.getBoolean(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9),
					rs.getObject(10, OffsetDateTime.class), rs.getString(11));
		}
	}

	@Override
	public void close() {
		this.pool.close();
	}

}
