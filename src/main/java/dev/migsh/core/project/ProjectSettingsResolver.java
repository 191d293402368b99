package dev.migsh.core.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.migsh.core.MigratorConfig;
import dev.migsh.core.UsageException;
import dev.migsh.core.apply.EngineSettings;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.connect.ProjectTarget;

/**
 * Finds the project file ({@code --config}, {@code MIGSH_CONFIG}, else {@code migsh.toml}
 * in the working directory) and resolves each setting from the first source that gives
 * it: flag, environment variable, project file, default.
 */
final class ProjectSettingsResolver {

	static final String DEFAULT = "default";

	private final ProjectFlags flags;

	private final Map<String, String> env;

	private final Path workingDir;

	ProjectSettingsResolver(ProjectFlags flags, Map<String, String> env, Path workingDir) {
		this.flags = flags;
		this.env = env;
		this.workingDir = workingDir.toAbsolutePath().normalize();
	}

	ProjectSettings resolve() {
		Optional<Sourced<Path>> location = location();
		Optional<ProjectFile> file = location
			.map((found) -> ProjectFile.read(found.value(), display(found.value()), this.env));
		Path base = location.map((found) -> found.value().getParent()).orElse(this.workingDir);
		Sourced<Path> migrations = first(this.flags.migrations(), "--migrations", "MIGSH_MIGRATIONS",
				this.workingDir::resolve, file.map(ProjectFile::migrations).orElse(null),
				new Sourced<>(base.resolve("migrations"), DEFAULT));
		Sourced<String> schema = first(this.flags.schema(), "--schema", "MIGSH_SCHEMA", Function.identity(),
				file.map(ProjectFile::historySchema).orElse(null),
				new Sourced<>(MigratorConfig.DEFAULT_SCHEMA, DEFAULT));
		// from a flag, a variable or the file alike: checked before anything connects
		dev.migsh.core.history.HistorySchemaName.check(schema.value());
		Sourced<Duration> lockWait = duration(this.flags.lockWait(), "--lock-wait", "MIGSH_LOCK_WAIT",
				file.map(ProjectFile::lockWait).orElse(null), EngineSettings.DEFAULT_LOCK_WAIT);
		Sourced<Duration> lockTimeout = duration(this.flags.lockTimeout(), "--lock-timeout", "MIGSH_LOCK_TIMEOUT",
				file.map(ProjectFile::lockTimeout).orElse(null), EngineSettings.DEFAULT_LOCK_TIMEOUT);
		Sourced<Duration> statementTimeout = duration(this.flags.statementTimeout(), "--statement-timeout",
				"MIGSH_STATEMENT_TIMEOUT", file.map(ProjectFile::statementTimeout).orElse(null),
				EngineSettings.DEFAULT_STATEMENT_TIMEOUT);
		Optional<Sourced<String>> searchPath = Optional.ofNullable(first(this.flags.searchPath(), "--search-path",
				"MIGSH_SEARCH_PATH", Function.identity(), file.map(ProjectFile::searchPath).orElse(null), null));
		Map<String, String> placeholderOrigins = new LinkedHashMap<>();
		Placeholders placeholders = placeholders(file, placeholderOrigins);
		Map<String, ProjectTarget> targets = file.map(ProjectFile::targets).orElse(Map.of());
		ProjectSettings partial = new ProjectSettings(location, migrations, schema, lockWait, lockTimeout,
				statementTimeout, searchPath, placeholders, placeholderOrigins, targets, Optional.empty());
		return new ProjectSettings(location, migrations, schema, lockWait, lockTimeout, statementTimeout, searchPath,
				placeholders, placeholderOrigins, targets, target(partial, file));
	}

	private Optional<ProjectTarget> target(ProjectSettings settings, Optional<ProjectFile> file) {
		if (present(this.flags.target())) {
			return Optional.of(settings.target(this.flags.target(), "--target"));
		}
		if (present(this.env.get("MIGSH_TARGET"))) {
			return Optional.of(settings.target(this.env.get("MIGSH_TARGET"), "MIGSH_TARGET"));
		}
		return file.map(ProjectFile::target)
			.map((name) -> file.get().targets().get(name.value()).chosen(name.origin(), false));
	}

	private Placeholders placeholders(Optional<ProjectFile> file, Map<String, String> origins) {
		Map<String, String> values = new LinkedHashMap<>();
		file.ifPresent((f) -> f.placeholders().forEach((name, value) -> {
			values.put(name, value.value());
			origins.put(name, value.origin());
		}));
		Placeholders.fromEnvironment(this.env).values().forEach((name, value) -> {
			values.put(name, value);
			origins.put(name, Placeholders.ENVIRONMENT_PREFIX + name);
		});
		this.flags.placeholders().forEach((name, value) -> {
			values.put(name, value);
			origins.put(name, "--placeholder");
		});
		Sourced<String> prefix = first(this.flags.placeholderPrefix(), "--placeholder-prefix",
				"MIGSH_PLACEHOLDER_PREFIX", Function.identity(), file.map(ProjectFile::placeholderPrefix).orElse(null),
				new Sourced<>(Placeholders.DEFAULT_PREFIX, DEFAULT));
		Sourced<String> suffix = first(this.flags.placeholderSuffix(), "--placeholder-suffix",
				"MIGSH_PLACEHOLDER_SUFFIX", Function.identity(), file.map(ProjectFile::placeholderSuffix).orElse(null),
				new Sourced<>(Placeholders.DEFAULT_SUFFIX, DEFAULT));
		origins.put("prefix", prefix.origin());
		origins.put("suffix", suffix.origin());
		return Placeholders.NONE.withValues(values).withSyntax(prefix.value(), suffix.value());
	}

	/** The project file: --config, MIGSH_CONFIG, else migsh.toml here, if it exists. */
	private Optional<Sourced<Path>> location() {
		String named = present(this.flags.config()) ? this.flags.config() : this.env.get("MIGSH_CONFIG");
		if (present(named)) {
			String origin = present(this.flags.config()) ? "--config" : "MIGSH_CONFIG";
			Path file = this.workingDir.resolve(named).normalize();
			if (!Files.isRegularFile(file)) {
				throw new UsageException(origin + " names " + file + ", which does not exist", "give the path of your "
						+ ProjectFile.NAME + ", or leave " + origin + " out to use the one in the working directory");
			}
			return Optional.of(new Sourced<>(file, origin));
		}
		Path here = this.workingDir.resolve(ProjectFile.NAME);
		return Files.isRegularFile(here) ? Optional.of(new Sourced<>(here, "working directory")) : Optional.empty();
	}

	private String display(Path file) {
		return file.getParent().equals(this.workingDir) ? file.getFileName().toString() : file.toString();
	}

	private <T> Sourced<T> first(String flag, String flagName, String variable, Function<String, T> convert,
			Sourced<T> fromFile, Sourced<T> fallback) {
		if (present(flag)) {
			return new Sourced<>(convert.apply(flag), flagName);
		}
		if (present(this.env.get(variable))) {
			return new Sourced<>(convert.apply(this.env.get(variable)), variable);
		}
		return (fromFile != null) ? fromFile : fallback;
	}

	private Sourced<Duration> duration(String flag, String flagName, String variable, Sourced<Duration> fromFile,
			Duration fallback) {
		return first(flag, flagName, variable, (text) -> parse(text, present(flag) ? flagName : variable), fromFile,
				new Sourced<>(fallback, DEFAULT));
	}

	private static Duration parse(String text, String source) {
		return DurationText.parse(text)
			.orElseThrow(() -> new UsageException(source + ": '" + text + "' is not a duration",
					"write it like 500ms, 5s, 2m or 1h; 0 means no limit"));
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

}
