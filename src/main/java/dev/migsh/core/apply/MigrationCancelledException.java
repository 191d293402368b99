package dev.migsh.core.apply;

import dev.migsh.core.MigshException;

/**
 * The operator cancelled (Ctrl-C); the message states what is applied and what was rolled
 * back.
 */
public class MigrationCancelledException extends MigshException {

	public MigrationCancelledException(String message, String hint) {
		super(message, hint);
	}

}
