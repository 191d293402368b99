package dev.migsh.core.connect;

import dev.migsh.core.MigshException;

/** The server could not be reached or refused the login. */
public class ConnectionFailedException extends MigshException {

	private final boolean passwordRequired;

	public ConnectionFailedException(String message, String hint, boolean passwordRequired, Throwable cause) {
		super(message, hint, cause);
		this.passwordRequired = passwordRequired;
	}

	/**
	 * True when the server asked for a password and none was given: an interactive shell
	 * may ask for one.
	 */
	public boolean passwordRequired() {
		return this.passwordRequired;
	}

}
