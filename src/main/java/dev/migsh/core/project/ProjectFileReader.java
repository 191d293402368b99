package dev.migsh.core.project;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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

	private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)\\}");

	private final Path path;

	private final String display;

	private final Map<String, String> env;

	ProjectFileReader(Path path, String display, Map<String, String> env) {
		this.path = path;
		this.display = display;
		this.env = env;
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
				throw new MigshException(at(toml, key) + ": unknown key '" + key + "' in the project file",
						"valid keys: " + String.join(", ", ProjectFile.KEYS));
			}
		}
		Sourced<String> migrations = string(toml, "migrations");
		Sourced<Path> folder = (migrations == null) ? null : new Sourced<>(
				this.path.toAbsolutePath().getParent().resolve(migrations.value()).normalize(), migrations.origin());
		Sourced<String> target = string(toml, "target");
		Map<String, ProjectTarget> targets = targets(toml);
		if (target != null && !targets.containsKey(target.value())) {
			throw new MigshException(target.origin() + ": target = '" + target.value() + "', but there is no [targets."
					+ target.value() + "]", "targets in " + this.display + ": " + names(targets));
		}
		return new ProjectFile(this.path, folder, string(toml, "history_schema"), duration(toml, "lock_wait"),
				duration(toml, "lock_timeout"), duration(toml, "statement_timeout"), searchPath(toml),
				string(toml, "placeholder_prefix"), string(toml, "placeholder_suffix"), target, placeholders(toml),
				targets);
	}

	private Map<String, Sourced<String>> placeholders(TomlTable toml) {
		TomlTable table = table(toml, "placeholders");
		Map<String, Sourced<String>> values = new LinkedHashMap<>();
		if (table == null) {
			return values;
		}
		for (String name : table.keySet()) {
			Object value = table.get(List.of(name));
			if (value instanceof TomlTable || value instanceof TomlArray) {
				throw wrongType(table, name, "placeholders." + name, "a string", value);
			}
			String raw = String.valueOf(value);
			String origin = at(table, name);
			if (Placeholders.NONE.isSecret(name) && !ENV_REFERENCE.matcher(raw).matches()) {
				throw secretInFile(origin, "placeholder '" + name + "'", name,
						"or give it with --placeholder " + name + "=... / MIGSH_PLACEHOLDER_" + name);
			}
			values.put(name, new Sourced<>(expand(raw, origin), origin));
		}
		return values;
	}

	private Map<String, ProjectTarget> targets(TomlTable toml) {
		TomlTable table = table(toml, "targets");
		Map<String, ProjectTarget> targets = new LinkedHashMap<>();
		if (table == null) {
			return targets;
		}
		for (String name : table.keySet()) {
			TomlTable target = table(table, name);
			if (target == null) {
				throw wrongType(table, name, "targets." + name, "a table like [targets." + name + "]",
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
				throw new MigshException(at(table, key) + ": unknown key '" + key + "' in [targets." + name + "]",
						"valid keys of a target: " + String.join(", ", ProjectFile.TARGET_KEYS));
			}
			origins.put(key, at(table, key));
		}
		Sourced<String> password = string(table, "password");
		if (password != null && !ENV_REFERENCE.matcher(password.value()).matches()) {
			throw secretInFile(password.origin(), "the password of target " + name,
					name.toUpperCase(Locale.ROOT) + "_PASSWORD",
					"or leave it out and use PGPASSWORD, ~/.pgpass or the prompt");
		}
		Sourced<String> env = string(table, "env");
		if (env != null) {
			Environment.parse(env.value(), env.origin() + " (env of target " + name + ")");
		}
		Object port = table.get(List.of("port"));
		if (port != null && !(port instanceof Long number && number >= 1 && number <= 65535)) {
			throw wrongType(table, "port", "port", "a port number from 1 to 65535", port);
		}
		PostgresUrl url;
		Secret secret;
		String unusable = null;
		try {
			url = url(name, string(table, "url"));
			secret = (password == null) ? null : Secret.of(expand(password.value(), password.origin()));
		}
		catch (UnsetVariableException ex) {
			// only the target that needs it is unusable: a developer has no production
			// password
			url = null;
			secret = null;
			unusable = ex.getMessage();
		}
		return new ProjectTarget(name, url, value(string(table, "host")),
				(port == null) ? null : ((Long) port).intValue(), value(string(table, "database")),
				value(string(table, "user")), secret, value(string(table, "sslmode")), value(string(table, "service")),
				value(env), origins, null, false, unusable);
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
			return parse(target, expand(url.value(), url.origin()), url.origin());
		}
		String written = parsed.password().reveal();
		if (!ENV_REFERENCE.matcher(written).matches()) {
			throw secretInFile(url.origin(), "the url of target " + target + " holds a password that",
					target.toUpperCase(Locale.ROOT) + "_PASSWORD",
					"or leave it out and use PGPASSWORD, ~/.pgpass or the prompt");
		}
		PostgresUrl rest = parse(target, expand(url.value().replace(written, ""), url.origin()), url.origin());
		return new PostgresUrl(rest.user(), Secret.of(expand(written, url.origin())), rest.host(), rest.port(),
				rest.database(), rest.parameters());
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
			return new Sourced<>(String.join(", ", schemas), at(toml, "search_path"));
		}
		if (value instanceof TomlArray array) {
			throw wrongType(toml, "search_path", "search_path", "a string or a list of schema names", array);
		}
		return string(toml, "search_path");
	}

	private Sourced<Duration> duration(TomlTable toml, String key) {
		Sourced<String> text = string(toml, key);
		if (text == null) {
			return null;
		}
		return DurationText.parse(text.value())
			.map((d) -> new Sourced<>(d, text.origin()))
			.orElseThrow(
					() -> new MigshException(text.origin() + ": " + key + " = '" + text.value() + "' is not a duration",
							"write it like \"500ms\", \"5s\", \"2m\" or \"1h\"; \"0\" means no limit"));
	}

	private Sourced<String> string(TomlTable table, String key) {
		Object value = table.get(List.of(key));
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw wrongType(table, key, key, "a string in quotes", value);
		}
		if (text.isBlank()) {
			throw new MigshException(at(table, key) + ": " + key + " is empty", "give a value, or remove the line");
		}
		String origin = at(table, key);
		// a password must stay a reference until it is checked; url expands its own parts
		return new Sourced<>((key.equals("password") || key.equals("url")) ? text : expand(text, origin), origin);
	}

	private TomlTable table(TomlTable parent, String key) {
		Object value = parent.get(List.of(key));
		if (value == null) {
			return null;
		}
		if (!(value instanceof TomlTable table)) {
			throw wrongType(parent, key, key, "a table like [" + key + "]", value);
		}
		return table;
	}

	/** Replaces every {@code ${env:NAME}} with the variable's value. */
	private String expand(String text, String origin) {
		Matcher m = ENV_REFERENCE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = this.env.get(m.group(1));
			if (value == null) {
				throw new UnsetVariableException(
						origin + ": ${env:" + m.group(1) + "} names an environment variable that is not set",
						"set " + m.group(1) + " before starting migsh");
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	private MigshException wrongType(TomlTable table, String key, String name, String expected, Object value) {
		return new MigshException(at(table, key) + ": " + name + " must be " + expected + ", not " + typeOf(value),
				"for example: " + example(name));
	}

	private static MigshException secretInFile(String origin, String what, String variable, String otherwise) {
		return new MigshException(
				origin + ": " + what + " is written in the project file, which is committed with the project",
				"write it as \"${env:" + variable + "}\" and set that variable, " + otherwise);
	}

	private String at(TomlTable table, String key) {
		return this.display + ":" + table.inputPositionOf(List.of(key)).line();
	}

	private static String typeOf(Object value) {
		if (value instanceof String) {
			return "a string";
		}
		if (value instanceof Long) {
			return "an integer";
		}
		if (value instanceof Double) {
			return "a number";
		}
		if (value instanceof Boolean) {
			return "true/false";
		}
		if (value instanceof TomlTable) {
			return "a table";
		}
		if (value instanceof TomlArray) {
			return "a list";
		}
		return "a date or time";
	}

	private static String example(String key) {
		return switch (key) {
			case "lock_wait", "lock_timeout", "statement_timeout" -> key + " = \"5s\"";
			case "search_path" -> "search_path = [\"auth\", \"public\"]";
			case "port" -> "port = 5432";
			case "placeholders", "targets" -> "[" + key + "] on a line of its own, its keys below";
			default ->
				key.startsWith("targets.") ? "[" + key + "] with url = \"postgresql://...\"" : key + " = \"value\"";
		};
	}

	/** An {@code ${env:NAME}} whose variable is not set. */
	private static final class UnsetVariableException extends MigshException {

		private static final long serialVersionUID = 1L;

		UnsetVariableException(String message, String hint) {
			super(message, hint);
		}

	}

	private static String names(Map<String, ?> targets) {
		return targets.isEmpty() ? "none" : String.join(", ", targets.keySet());
	}

	private static String value(Sourced<String> sourced) {
		return (sourced == null) ? null : sourced.value();
	}

}
