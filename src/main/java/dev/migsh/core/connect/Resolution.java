package dev.migsh.core.connect;

import java.util.Optional;

/**
 * The outcome of resolving connection settings: where to connect, or empty when nothing
 * is configured and the caller should start the embedded sandbox; and the environment.
 */
public record Resolution(Optional<ConnectionSettings> settings, EnvironmentChoice environment) {

	public boolean sandbox() {
		return this.settings.isEmpty();
	}

}
