package dev.migsh.core.adopt;

/** How a foreign history entry was tied to a migration in the folder. */
public enum MatchRule {

	/**
	 * The file stems agree ({@code 001-create-users.js} and
	 * {@code 001-create-users.sql}).
	 */
	FILE_NAME,
	/** Flyway's version and description agree with the file's version and name. */
	FLYWAY_DESCRIPTION,
	/**
	 * The versions agree as numbers and the tool keeps no name ({@code 1} and
	 * {@code 001}).
	 */
	VERSION,
	/** At or below golang-migrate's single recorded version. */
	UP_TO_VERSION,
	/** At or below a Flyway baseline row's version. */
	BELOW_BASELINE,
	/** At or before an Alembic head, in the folder's order. */
	UP_TO_HEAD

}
