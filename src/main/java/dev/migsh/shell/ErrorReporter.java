package dev.migsh.shell;

import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.apply.MigrationFailedException;
import dev.migsh.core.connect.Redaction;
import dev.migsh.core.connect.Secret;

/**
 * The one place exceptions become what the user sees: {@code Error:} and {@code Hint:}
 * lines, an exit code, no stack trace (it goes to the log file, and to stderr with
 * --verbose). Every text is redacted of the session's secrets first.
 */
public final class ErrorReporter {

	private static final Logger log = LoggerFactory.getLogger(ErrorReporter.class);

	private ErrorReporter() {
	}

	/**
	 * What {@code --json} prints for an error, on stdout where the command's JSON would
	 * have been.
	 *
	 * @param location file:line:column, when the error is in a migration file
	 */
	public record JsonError(String error, String hint, String sqlstate, String location, int exitCode) {
	}

	public static ExitCode report(Throwable error, Output out, List<String> secrets, boolean verbose) {
		return report(error, out, secrets, verbose, false);
	}

	/**
	 * As {@link #report(Throwable, Output, List, boolean)}; with {@code json} also a JSON
	 * object on stdout.
	 */
	public static ExitCode report(Throwable error, Output out, List<String> secrets, boolean verbose, boolean json) {
		Throwable cause = unwrap(error);
		log.debug("command failed", cause);
		String message;
		String hint;
		ExitCode code;
		String sqlState = null;
		String location = null;
		SQLException sql = findSql(cause);
		if (cause instanceof MigshException ex) {
			message = ex.getMessage();
			hint = ex.hint();
			code = ex.exitCode();
			if (ex instanceof MigrationFailedException failed) {
				sqlState = failed.sqlState().orElse(null);
				location = failed.location();
			}
			else if (sql != null) {
				sqlState = sql.getSQLState();
			}
		}
		else if (sql != null) {
			message = "the database refused: " + sql.getMessage() + " [SQLSTATE " + sql.getSQLState() + "]";
			hint = "check the server log; run with --verbose for details";
			code = ExitCode.FAILED;
			sqlState = sql.getSQLState();
		}
		else {
			log.error("unexpected failure", cause);
			message = "unexpected failure: " + cause;
			hint = "this is a bug in migsh; the stack trace is in ~/.migsh/logs/migsh.log (or run with --verbose)";
			code = ExitCode.FAILED;
		}
		out.error(redact(message, secrets), redact(hint, secrets));
		if (json) {
			out.json(new JsonError(redact(message, secrets), redact(hint, secrets), sqlState, location, code.code()));
		}
		trace(cause, out, verbose);
		return code;
	}

	private static void trace(Throwable cause, Output out, boolean verbose) {
		if (verbose) {
			cause.printStackTrace(out.errorWriter());
			out.errorWriter().flush();
		}
	}

	private static Throwable unwrap(Throwable error) {
		Throwable t = error;
		while ((t instanceof java.lang.reflect.InvocationTargetException
				|| t instanceof DataAccessException && t.getCause() instanceof MigshException)
				&& t.getCause() != null) {
			t = t.getCause();
		}
		return t;
	}

	private static SQLException findSql(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause()) {
			if (c instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

	// a secret placeholder typed on a command line (--placeholder db_password=...) is
	// masked before the line reaches history, transcripts or messages
	private static final java.util.regex.Pattern SECRET_PLACEHOLDER = java.util.regex.Pattern
		.compile("(--placeholder[ =]+[A-Za-z0-9_.:-]*(?i:password|secret|token)=)\\S+");

	public static String redact(String text, List<String> secrets) {
		if (text == null) {
			return "";
		}
		Secret[] known = secrets.stream().filter(x -> x != null && !x.isEmpty()).map(Secret::of).toArray(Secret[]::new);
		String masked = SECRET_PLACEHOLDER.matcher(text).replaceAll("$1********");
		return Redaction.redactUrlPasswords(Redaction.redact(masked, known));
	}

}
