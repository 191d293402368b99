package dev.migsh.core.schema;

import dev.migsh.core.MigshException;

/** Ctrl-C stopped a schema operation; the scratch database it used is dropped. */
public class OperationCancelledException extends MigshException {

	private static final long serialVersionUID = 1L;

	public OperationCancelledException(String what) {
		super("Cancelled: " + what + " stopped; the scratch database was dropped and nothing was changed", "");
	}

}
