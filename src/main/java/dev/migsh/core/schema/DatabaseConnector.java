package dev.migsh.core.schema;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.migsh.core.connect.ConnectionSettings;

/**
 * Opens another database on the server of the live session, with the same user, password
 * and SSL settings: how a {@link ScratchDatabase} is reached once created.
 */
@FunctionalInterface
public interface DatabaseConnector {

	DataSource open(String database);

	/**
	 * Connections like {@code settings}', to another database; unpooled, since a scratch
	 * database is short-lived.
	 */
	static DatabaseConnector of(ConnectionSettings settings) {
		return (database) -> {
			ConnectionSettings other = new ConnectionSettings(settings.host(), settings.port(), database,
					settings.user(), settings.password(), settings.sslMode(), settings.origins(), settings.options());
			return new DriverManagerDataSource(other.jdbcUrl(), other.jdbcProperties());
		};
	}

}
