package dev.migsh.core.project;

import java.util.Objects;

/**
 * A setting's value and where it came from: a flag ({@code --schema}), an environment
 * variable ({@code MIGSH_SCHEMA}), a line of the project file ({@code migsh.toml:12}) or
 * {@code default}.
 */
public record Sourced<T>(T value, String origin) {

	public Sourced {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(origin, "origin");
	}

}
