package dev.migsh.core;

/**
 * A command was typed wrongly: unknown command or option, a missing or malformed value.
 */
public class UsageException extends MigshException {

	public UsageException(String message, String hint) {
		super(message, hint, ExitCode.USAGE, null);
	}

}
