package dev.migsh.shell;

import dev.migsh.core.ExitCode;
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

	/**
	 * Goes on only when the person types {@code word} exactly. A run nobody can answer
	 * fails closed with {@code refusal} and {@code hint}; any other answer cancels.
	 * Either way it is a refusal before anything changed (exit code 3).
	 */
	default void requireTyped(String question, String word, String refusal, String hint) {
		if (!interactive()) {
			throw new MigshException(refusal, hint, ExitCode.PREFLIGHT_REFUSED, null);
		}
		String answer = readLine(question);
		if (answer == null || !answer.strip().equals(word)) {
			throw new MigshException("cancelled: the answer did not match '" + word + "'; nothing was changed", hint,
					ExitCode.PREFLIGHT_REFUSED, null);
		}
	}

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
