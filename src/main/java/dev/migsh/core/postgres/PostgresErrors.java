package dev.migsh.core.postgres;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.SqlStatement;

/**
 * The one place a PostgreSQL {@link SQLException} is decoded: SQLSTATE classes the engine
 * reacts to, the server's message, and the server's position turned into
 * file:line:column.
 */
public final class PostgresErrors {

	public static final String LOCK_NOT_AVAILABLE = "55P03";

	public static final String QUERY_CANCELED = "57014";

	public static final String ADMIN_SHUTDOWN = "57P01";

	/**
	 * What to do after a connection failure or server shutdown: the statement may be
	 * fine; the server is what to look at.
	 */
	public static final String SERVER_GONE_HINT = "The connection to the server was lost (or the server shut down):"
			+ " check the server, then run `status` to see what was recorded.";

	private PostgresErrors() {
	}

	public static ServerError describe(SQLException ex) {
		String state = ex.getSQLState() == null ? "" : ex.getSQLState();
		if (ex instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
			ServerErrorMessage m = psql.getServerErrorMessage();
			return new ServerError(state, String.valueOf(m.getMessage()), Optional.ofNullable(m.getDetail()),
					Optional.ofNullable(m.getHint()), m.getPosition());
		}
		return new ServerError(state, String.valueOf(ex.getMessage()), Optional.empty(), Optional.empty(), 0);
	}

	/**
	 * True when the session is gone: connection failures (class 08) and server shutdowns
	 * (57P0x).
	 */
	public static boolean isConnectionLost(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("08") || state.startsWith("57P"));
	}

	/**
	 * {@code file:line:column} of a server position inside a statement, in the file as
	 * written (comments before the statement and replaced placeholders accounted for);
	 * positions count characters (code points) of the statement text as sent, starting at
	 * 1. Without a position the statement's own start is given.
	 */
	public static String location(Path file, SqlStatement statement, int position) {
		SqlStatement.TextPosition at = statement.positionOf(position);
		return (file == null ? "?" : file.toString()) + ":" + at.line() + ":" + at.column();
	}

	/** A failure of the tool's own SQL (history, lock), as a user-facing error. */
	public static MigshException failure(String whatFailed, SQLException ex, String hint) {
		return new MigshException(whatFailed + ": " + describe(ex).summary(), hint, ex);
	}

}
