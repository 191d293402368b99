package dev.migsh.core.project;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.migsh.core.connect.ProjectTarget;

/**
 * What a project file ({@code migsh.toml}) says, checked: every key known and of its
 * type, paths resolved against the file's folder, {@code ${env:NAME}} references read.
 * Each value keeps the file and line it is written on. Absent keys are null.
 */
public record ProjectFile(Path path, Sourced<Path> migrations, Sourced<String> historySchema,
		Sourced<Duration> lockWait, Sourced<Duration> lockTimeout, Sourced<Duration> statementTimeout,
		Sourced<String> searchPath, Sourced<String> placeholderPrefix, Sourced<String> placeholderSuffix,
		Sourced<String> target, Map<String, Sourced<String>> placeholders, Map<String, ProjectTarget> targets) {

	/** The name looked for in the working directory. */
	public static final String NAME = "migsh.toml";

	/** The top-level keys, for messages and the README. */
	public static final List<String> KEYS = List.of("migrations", "history_schema", "lock_wait", "lock_timeout",
			"statement_timeout", "search_path", "placeholder_prefix", "placeholder_suffix", "target", "[placeholders]",
			"[targets.NAME]");

	/** The keys of a {@code [targets.NAME]} table. */
	public static final List<String> TARGET_KEYS = List.of("url", "host", "port", "database", "user", "password",
			"sslmode", "service", "env");

	public ProjectFile {
		placeholders = Map.copyOf(placeholders);
		targets = Map.copyOf(targets);
	}

	/**
	 * Reads and checks a project file.
	 * @param display how messages and origins name it ({@code migsh.toml})
	 * @param env where {@code ${env:NAME}} references are looked up
	 * @throws dev.migsh.core.MigshException naming file:line and what is valid
	 */
	public static ProjectFile read(Path path, String display, Map<String, String> env) {
		return new ProjectFileReader(path, display, env).read();
	}

	public Optional<ProjectTarget> target(String name) {
		return Optional.ofNullable(this.targets.get(name));
	}

}
