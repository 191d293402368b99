package dev.migsh.core.apply;

import dev.migsh.core.MigshException;

/**
 * The session holding the migration lock ended or no longer holds it: the engine stops.
 */
public class LockLostException extends MigshException {

	public LockLostException(String what, Throwable cause) {
		super("Lock lost: the migration lock is no longer held (" + what + "); stopped before writing history",
				"Run `status` to see what was recorded, then run the command again.", cause);
	}

}
