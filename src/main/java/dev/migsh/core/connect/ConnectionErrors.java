package dev.migsh.core.connect;

import java.sql.SQLException;

import org.postgresql.util.PSQLException;

/**
 * Turns a failed login or unreachable server into a message naming the target and a hint
 * naming the setting to fix. The password never appears: messages are built from the
 * settings' display form, and the driver's text is redacted as well.
 */
final class ConnectionErrors {

	private ConnectionErrors() {
	}

	static ConnectionFailedException translate(ConnectionSettings settings, Throwable error) {
		Throwable root = error;
		while (!(root instanceof SQLException) && root.getCause() != null) {
			root = root.getCause();
		}
		String target = settings.displayUrl();
		String state = root instanceof SQLException sql ? sql.getSQLState() : null;
		String detail = redact(settings,
				root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
		if (root instanceof PSQLException && detail.contains("no password was provided")) {
			return new ConnectionFailedException("the server at " + target + " asks for a password and none was given",
					"set PGPASSWORD or DB_PASSWORD, add a line to ~/.pgpass, or run migsh interactively to be asked",
					true, null);
		}
		if ("28P01".equals(state) || "28000".equals(state)) {
			return new ConnectionFailedException("login to " + target + " refused: " + detail,
					"check the user and password (URL, DB_PASSWORD/PGPASSWORD, ~/.pgpass) and pg_hba.conf", false,
					null);
		}
		if ("3D000".equals(state)) {
			return new ConnectionFailedException(
					"database '" + settings.database() + "' does not exist on " + settings.host() + ":"
							+ settings.port(),
					"create it (createdb " + settings.database() + ") or connect to another database", false, null);
		}
		if (state != null && state.startsWith("08") || root instanceof java.net.ConnectException) {
			return new ConnectionFailedException("could not connect to " + target + ": " + detail,
					"is the server running and reachable? check --url, MIGSH_URL/DATABASE_URL or PGHOST/PGPORT", false,
					null);
		}
		return new ConnectionFailedException("could not open a session on " + target + ": " + detail,
				"check the connection settings with 'info' and the server log", false, null);
	}

	private static String redact(ConnectionSettings settings, String text) {
		return settings.password() == null ? text : Redaction.redact(text, settings.password());
	}

}
