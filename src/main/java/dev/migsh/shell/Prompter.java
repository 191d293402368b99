package dev.migsh.shell;

import dev.migsh.core.MigshException;

/**
 * Asks the person at the keyboard. A non-interactive run (one-shot, script, no terminal)
 * has nobody to ask: every question fails closed with a hint naming the flag to pass.
 */
public interface Prompter {

	boolean interactive();

	/** One line of input; null when the user ended input (Ctrl-D). */
	String readLine(String prompt);

	/** A secret typed with echo off. */
	String readSecret(String prompt);

	Prompter NONE = new Prompter() {

		@Override
		public boolean interactive() {
			return false;
		}

		@Override
		public String readLine(String prompt) {
			throw new MigshException("this needs an answer from a person, and this run is not interactive",
					"pass --yes to confirm in advance, or run it in the interactive shell");
		}

		@Override
		public String readSecret(String prompt) {
			throw new MigshException("a password is needed, and this run is not interactive",
					"set PGPASSWORD or DB_PASSWORD, or add the password to ~/.pgpass");
		}

	};

}
