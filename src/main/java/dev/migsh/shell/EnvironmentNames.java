package dev.migsh.shell;

import dev.migsh.core.UsageException;
import dev.migsh.core.connect.Environment;

/** Placeholder until the connect branch lands with Environment.parse. */
final class EnvironmentNames {

	private EnvironmentNames() {
	}

	static Environment parse(String text) {
		return switch (text.toLowerCase(java.util.Locale.ROOT)) {
			case "dev", "development" -> Environment.DEVELOPMENT;
			case "stage", "staging" -> Environment.STAGING;
			case "prod", "production" -> Environment.PRODUCTION;
			default -> throw new UsageException("unknown environment '" + text + "'",
					"use development, staging or production");
		};
	}

}
