package dev.migsh.shell;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;

/**
 * A runbook's {@code expect} guard did not hold: the message says what was expected and
 * what was found. Exits with {@link ExitCode#EXPECTATION_FAILED}, so CI and callers can
 * tell "the guard stopped it" from "a command failed".
 */
public class ExpectationFailedException extends MigshException {

	public ExpectationFailedException(String expected, String found, String hint) {
		super("expected " + expected + ", found " + found, hint, ExitCode.EXPECTATION_FAILED, null);
	}

}
