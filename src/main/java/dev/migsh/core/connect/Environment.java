package dev.migsh.core.connect;

import java.util.Locale;

import dev.migsh.core.UsageException;

/**
 * How careful migsh is with a database: production gets every safety check and
 * confirmation.
 */
public enum Environment {

	DEVELOPMENT("DEV"), STAGING("STAGE"), PRODUCTION("PROD");

	private static final String VALID = "dev, development, staging, stage, prod, production";

	private final String label;

	Environment(String label) {
		this.label = label;
	}

	/** The short form the prompt shows: DEV, STAGE or PROD. */
	public String label() {
		return this.label;
	}

	/**
	 * Parses a name or its short form, ignoring case; anything else is a UsageException.
	 */
	public static Environment parse(String text) {
		return parse(text, "--env");
	}

	public static Environment parse(String text, String source) {
		String name = (text == null) ? "" : text.strip().toLowerCase(Locale.ROOT);
		return switch (name) {
			case "dev", "development" -> DEVELOPMENT;
			case "stage", "staging" -> STAGING;
			case "prod", "production" -> PRODUCTION;
			default -> throw new UsageException(source + " is '" + text + "', which is not an environment",
					"Use one of: " + VALID + ".");
		};
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
