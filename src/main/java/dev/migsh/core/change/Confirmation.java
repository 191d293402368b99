package dev.migsh.core.change;

/**
 * A question a change needs answered before it runs. The shell asks each one through one
 * guard; {@code --yes} answers all but the development countdown in advance, and a run
 * with nobody to ask and no {@code --yes} is refused before anything changed.
 */
public enum Confirmation {

	/**
	 * The change destroys or rewrites something (data, records, kept copies): a word
	 * typed back.
	 */
	DESTRUCTIVE,

	/** Production: a countdown that Ctrl-C cancels, then the database name typed back. */
	PRODUCTION,

	/**
	 * A development-only wipe: a countdown that Ctrl-C cancels, which even {@code --yes}
	 * keeps.
	 */
	COUNTDOWN

}
