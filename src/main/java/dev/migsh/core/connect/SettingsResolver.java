package dev.migsh.core.connect;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Placeholder until the connect branch lands. */
public final class SettingsResolver {

	public record Resolution(Optional<ConnectionSettings> settings, Environment environment) {
	}

	public Resolution resolve(ConnectRequest request, Map<String, String> env, Path workingDir, Path home) {
		return new Resolution(Optional.empty(), Environment.DEVELOPMENT);
	}

}
