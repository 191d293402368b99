package dev.migsh.core;

/**
 * A failure the user can cause or fix: it carries what happened (the message, naming the
 * object) and what to do next (the hint). The shell prints both without a stack trace.
 */
public class MigshException extends RuntimeException {

	private final String hint;

	private final ExitCode exitCode;

	public MigshException(String message, String hint) {
		this(message, hint, ExitCode.FAILED, null);
	}

	public MigshException(String message, String hint, Throwable cause) {
		this(message, hint, ExitCode.FAILED, cause);
	}

	public MigshException(String message, String hint, ExitCode exitCode, Throwable cause) {
		super(message, cause);
		this.hint = hint;
		this.exitCode = exitCode;
	}

	/** What to do next; may be empty but never null. */
	public String hint() {
		return this.hint == null ? "" : this.hint;
	}

	public ExitCode exitCode() {
		return this.exitCode;
	}

}
