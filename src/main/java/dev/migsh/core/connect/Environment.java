package dev.migsh.core.connect;

/** Placeholder until the connect branch lands. */
public enum Environment {

	DEVELOPMENT, STAGING, PRODUCTION;

	public String label() {
		return switch (this) {
			case DEVELOPMENT -> "DEV";
			case STAGING -> "STAGE";
			case PRODUCTION -> "PROD";
		};
	}

}
