package dev.migsh.core.lint;

/** The families of the safety catalogue; the id prefix of each rule names its family. */
public enum RuleFamily {

	/** Data that cannot be recovered once the statement has run (DL-..). */
	DATA_LOSS("DL"),
	/** Strong locks, table rewrites and full scans (LK-..). */
	LOCKING("LK"),
	/**
	 * Changes that break the application version still running during a deploy (BC-..).
	 */
	BACKWARD_INCOMPATIBLE("BC"),
	/** Statements that misbehave in, or break, the section's transaction (TX-..). */
	TRANSACTION("TX"),
	/** Operational hygiene: timeouts, secrets, explained suppressions (OP-..). */
	OPERATIONAL("OP");

	private final String prefix;

	RuleFamily(String prefix) {
		this.prefix = prefix;
	}

	/** The rule id prefix, {@code DL} for data loss. */
	public String prefix() {
		return this.prefix;
	}

}
