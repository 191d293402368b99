package dev.migsh.core.project;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.connect.Environment;
import dev.migsh.core.connect.PostgresUrl;
import dev.migsh.core.connect.ProjectTarget;
import dev.migsh.core.connect.Secret;

/**
 * Parses {@code migsh.toml} with tomlj and checks it key by key: an unknown key, a value
 * of the wrong type or a secret written out in the file is an error naming file:line and
 * what is valid. Secrets (passwords, placeholders named like one) may only be
 * {@code ${env:NAME}} references, so the file can be committed.
 */
final class ProjectFileReader {

	private static final Pattern ENV_REFERENCE = TomlValues.ENV_REFERENCE;

	private final Path path;

	private final String display;

	private final TomlValues values;

	ProjectFileReader(Path path, String display, Map<String, String> env) {
		this.path = path;
		this.display = display;
		this.values = new TomlValues(display, env);
	}

	ProjectFile read() {
		TomlParseResult toml;
		try {
			toml = Toml.parse(this.path);
		}
		catch (IOException ex) {
			throw new MigshException("cannot read the project file " + this.display + ": " + ex.getMessage(),
					"check that it exists and is readable, or point --config / MIGSH_CONFIG at another file");
		}
		if (toml.hasErrors()) {
			TomlParseError error = toml.errors().get(0);
			String message = error.getMessage().replaceFirst("\\s*\\(line \\d+, column \\d+\\)$", "");
			throw new MigshException(
					this.display + ":" + error.position().line() + ":" + error.position().column()
							+ ": not valid TOML: " + message,
					"fix the syntax; strings need quotes, e.g. migsh.toml: migrations = \"db/migrations\"");
		}
		for (String key : toml.keySet()) {
			if (!ProjectFile.KEYS.contains(key) && !key.equals("placeholders") && !key.equals("targets")) {
				throw new MigshException(this.values.at(toml, key) + ": unknown key '" + key + "' in the project file",
						"valid keys: " + String.join(", ", ProjectFile.KEYS));
			}
		}
		Sourced<String> migrations = this.values.string(toml, "migrations");
		Sourced<Path> folder = (migrations == null) ? null : new Sourced<>(
				this.path.toAbsolutePath().getParent().resolve(migrations.value()).normalize(), migrations.origin());
		Sourced<String> target = this.values.string(toml, "target");
		Map<String, ProjectTarget> targets = targets(toml);
		if (target != null && !targets.containsKey(target.value())) {
			throw new MigshException(target.origin() + ": target = '" + target.value() + "', but there is no [targets."
					+ target.value() + "]", "targets in " + this.display + ": " + names(targets));
		}
		return new ProjectFile(this.path, folder, this.values.string(toml, "history_schema"),
				duration(toml, "lock_wait"), duration(toml, "lock_timeout"), duration(toml, "statement_timeout"),
				searchPath(toml), this.values.string(toml, "placeholder_prefix"),
				this.values.string(toml, "placeholder_suffix"), target, placeholders(toml), targets);
	}

	private Map<String, Sourced<String>> placeholders(TomlTable toml) {
		TomlTable table = this.values.table(toml, "placeholders");
		Map<String, Sourced<String>> values = new LinkedHashMap<>();
		if (table == null) {
			return values;
		}
		for (String name : table.keySet()) {
			Object value = table.get(List.of(name));
			if (value instanceof TomlTable || value instanceof TomlArray) {
				throw this.values.wrongType(table, name, "placeholders." + name, "a string", value);
			}
			String raw = String.valueOf(value);
			String origin = this.values.at(table, name);
			if (Placeholders.NONE.isSecret(name) && !ENV_REFERENCE.matcher(raw).matches()) {
				throw secretInFile(origin, "placeholder '" + name + "'", name,
						"or give it with --placeholder " + name + "=... / MIGSH_PLACEHOLDER_" + name);
			}
			values.put(name, new Sourced<>(this.values.expand(raw, origin), origin));
		}
		return values;
	}

	private Map<String, ProjectTarget> targets(TomlTable toml) {
		TomlTable table = this.values.table(toml, "targets");
		Map<String, ProjectTarget> targets = new LinkedHashMap<>();
		if (table == null) {
			return targets;
		}
		for (String name : table.keySet()) {
			TomlTable target = this.values.table(table, name);
			if (target == null) {
				throw this.values.wrongType(table, name, "targets." + name, "a table like [targets." + name + "]",
						table.get(List.of(name)));
			}
			targets.put(name, target(name, target));
		}
		return targets;
	}

	private ProjectTarget target(String name, TomlTable table) {
		Map<String, String> origins = new HashMap<>();
		for (String key : table.keySet()) {
			if (!ProjectFile.TARGET_KEYS.contains(key)) {
				throw new MigshException(
						this.values.at(table, key) + ": unknown key '" + key + "' in [targets." + name + "]",
						"valid keys of a target: " + String.join(", ", ProjectFile.TARGET_KEYS));
			}
			origins.put(key, this.values.at(table, key));
		}
		Sourced<String> password = this.values.string(table, "password");
		if (password != null && !ENV_REFERENCE.matcher(password.value()).matches()) {
			throw secretInFile(password.origin(), "the password of target " + name,
					name.toUpperCase(Locale.ROOT) + "_PASSWORD",
					"or leave it out and use PGPASSWORD, ~/.pgpass or the prompt");
		}
		Sourced<String> env = this.values.string(table, "env");
		if (env != null) {
			Environment.parse(env.value(), env.origin() + " (env of target " + name + ")");
		}
		Object port = table.get(List.of("port"));
		if (port != null && !(port instanceof Long number && number >= 1 && number <= 65535)) {
			throw this.values.wrongType(table, "port", "port", "a port number from 1 to 65535", port);
		}
		PostgresUrl url;
		Secret secret;
		String unusable = null;
		try {
			url = url(name, this.values.string(table, "url"));
			secret = (password == null) ? null : Secret.of(this.values.expand(password.value(), password.origin()));
		}
		catch (TomlValues.UnsetVariableException ex) {
			// only the target that needs it is unusable: a developer has no production
			// password
			url = null;
			secret = null;
			unusable = ex.getMessage();
		}
		return new ProjectTarget(name, url, value(this.values.string(table, "host")),
				(port == null) ? null : ((Long) port).intValue(), value(this.values.string(table, "database")),
				value(this.values.string(table, "user")), secret, value(this.values.string(table, "sslmode")),
				value(this.values.string(table, "service")), value(env), origins, null, false, unusable);
	}

	/**
	 * The parsed URL; a password in it must be an {@code ${env:NAME}} reference, read
	 * here.
	 */
	private PostgresUrl url(String target, Sourced<String> url) {
		if (url == null) {
			return null;
		}
		PostgresUrl parsed = parse(target, url.value(), url.origin());
		if (parsed.password() == null) {
			return parse(target, this.values.expand(url.value(), url.origin()), url.origin());
		}
		String written = parsed.password().reveal();
		if (!ENV_REFERENCE.matcher(written).matches()) {
			throw secretInFile(url.origin(), "the url of target " + target + " holds a password that",
					target.toUpperCase(Locale.ROOT) + "_PASSWORD",
					"or leave it out and use PGPASSWORD, ~/.pgpass or the prompt");
		}
		PostgresUrl rest = parse(target, this.values.expand(url.value().replace(written, ""), url.origin()),
				url.origin());
		return new PostgresUrl(rest.user(), Secret.of(this.values.expand(written, url.origin())), rest.host(),
				rest.port(), rest.database(), rest.parameters());
	}

	private static PostgresUrl parse(String target, String url, String origin) {
		try {
			return PostgresUrl.parse(url);
		}
		catch (MigshException ex) {
			throw new MigshException(origin + ": the url of target " + target + ": " + ex.getMessage(), ex.hint());
		}
	}

	private Sourced<String> searchPath(TomlTable toml) {
		Object value = toml.get(List.of("search_path"));
		if (value instanceof TomlArray array && array.size() > 0
				&& array.toList().stream().allMatch((item) -> item instanceof String text && !text.isBlank())) {
			List<String> schemas = array.toList().stream().map(String::valueOf).toList();
			return new Sourced<>(String.join(", ", schemas), this.values.at(toml, "search_path"));
		}
		if (value instanceof TomlArray array) {
			throw this.values.wrongType(toml, "search_path", "search_path", "a string or a list of schema names",
					array);
		}
		return this.values.string(toml, "search_path");
	}

	private Sourced<Duration> duration(TomlTable toml, String key) {
		Sourced<String> text = this.values.string(toml, key);
		if (text == null) {
			return null;
		}
		return DurationText.parse(text.value())
			.map((d) -> new Sourced<>(d, text.origin()))
			.orElseThrow(
					() -> new MigshException(text.origin() + ": " + key + " = '" + text.value() + "' is not a duration",
							"write it like \"500ms\", \"5s\", \"2m\" or \"1h\"; \"0\" means no limit"));
	}

	private static MigshException secretInFile(String origin, String what, String variable, String otherwise) {
		return new MigshException(
				origin + ": " + what + " is written in the project file, which is committed with the project",
				"write it as \"${env:" + variable + "}\" and set that variable, " + otherwise);
	}

	private static String names(Map<String, ?> targets) {
		return targets.isEmpty() ? "none" : String.join(", ", targets.keySet());
	}

	private static String value(Sourced<String> sourced) {
		return (sourced == null) ? null : sourced.value();
	}

}
