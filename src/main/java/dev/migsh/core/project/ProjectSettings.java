package dev.migsh.core.project;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.connect.ProjectTarget;

/**
 * Every project setting with its value and origin, each from the first source that gives
 * it: flag, environment variable, project file, default.
 *
 * @param file the project file read, if any
 * @param searchPath the search_path to connect with, or empty for the server's
 * @param placeholders the placeholder values and syntax
 * @param placeholderOrigins each placeholder name, and {@code prefix} and {@code suffix},
 * to its origin
 * @param target the target chosen by {@code --target}, {@code MIGSH_TARGET} or the file,
 * if any
 */
public record ProjectSettings(Optional<Sourced<Path>> file, Sourced<Path> migrations, Sourced<String> historySchema,
		Sourced<Duration> lockWait, Sourced<Duration> lockTimeout, Sourced<Duration> statementTimeout,
		Optional<Sourced<String>> searchPath, Placeholders placeholders, Map<String, String> placeholderOrigins,
		Map<String, ProjectTarget> targets, Optional<ProjectTarget> target) {

	public ProjectSettings {
		placeholderOrigins = Map.copyOf(placeholderOrigins);
		targets = Map.copyOf(targets);
	}

	/**
	 * The settings from flags, the environment and the project file found from
	 * {@code workingDir}.
	 */
	public static ProjectSettings resolve(ProjectFlags flags, Map<String, String> env, Path workingDir) {
		return new ProjectSettingsResolver(flags, env, workingDir).resolve();
	}

	/** The documented defaults, no project file, relative to {@code workingDir}. */
	public static ProjectSettings defaults(Path workingDir) {
		return resolve(ProjectFlags.NONE, Map.of(), workingDir);
	}

	/** A target of the project file by name, as {@code connect NAME} chooses it. */
	public ProjectTarget target(String name, String chosenBy) {
		ProjectTarget target = this.targets.get(name);
		if (target == null) {
			throw new MigshException(
					"no target named '" + name + "'"
							+ this.file.map((f) -> " in " + f.value())
								.orElse(": there is no project file (" + ProjectFile.NAME + ")"),
					this.targets.isEmpty() ? "add a [targets." + name + "] table with url = \"postgresql://...\""
							: "targets: " + String.join(", ", new java.util.TreeSet<>(this.targets.keySet())));
		}
		return target.chosen(chosenBy, true);
	}

}
