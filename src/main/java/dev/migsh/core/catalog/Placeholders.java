package dev.migsh.core.catalog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flyway-style placeholder values for migration SQL: {@code ${name}} by default, with a
 * configurable prefix and suffix (a Go-template folder uses {@code {{ index .Options "}
 * and {@code " }}}). Values come from the caller (flags, environment, the connection);
 * {@code migsh:filename} is filled in per file. Names ending in {@code password},
 * {@code secret} or {@code token}, and names marked secret, are never shown. Values never
 * reach the history: it keeps each section's text as the file says it, before
 * replacement, which is also what the checksum covers.
 */
public record Placeholders(Map<String, String> values, String prefix, String suffix, Set<String> secretNames) {

	public static final String DEFAULT_PREFIX = "${";

	public static final String DEFAULT_SUFFIX = "}";

	/** Environment variables named so give a placeholder's value. */
	public static final String ENVIRONMENT_PREFIX = "MIGSH_PLACEHOLDER_";

	public static final String SCHEMA = "migsh:schema";

	public static final String USER = "migsh:user";

	public static final String DATABASE = "migsh:database";

	public static final String FILENAME = "migsh:filename";

	/** No values, the default prefix and suffix: any placeholder in a file is unset. */
	public static final Placeholders NONE = new Placeholders(Map.of(), DEFAULT_PREFIX, DEFAULT_SUFFIX, Set.of());

	public Placeholders {
		values = Map.copyOf(values);
		secretNames = Set.copyOf(secretNames);
		if (prefix == null || prefix.isEmpty() || suffix == null || suffix.isEmpty()) {
			throw new IllegalArgumentException("a placeholder prefix and suffix must not be empty");
		}
	}

	/**
	 * Values from {@code MIGSH_PLACEHOLDER_<name>} variables of {@code environment};
	 * {@code MIGSH_PLACEHOLDER_PREFIX} and {@code _SUFFIX} give the syntax, not values.
	 */
	public static Placeholders fromEnvironment(Map<String, String> environment) {
		Map<String, String> found = new LinkedHashMap<>();
		environment.forEach((key, value) -> {
			if (key.startsWith(ENVIRONMENT_PREFIX) && key.length() > ENVIRONMENT_PREFIX.length()
					&& !key.equals(ENVIRONMENT_PREFIX + "PREFIX") && !key.equals(ENVIRONMENT_PREFIX + "SUFFIX")) {
				found.put(key.substring(ENVIRONMENT_PREFIX.length()), value);
			}
		});
		return NONE.withValues(found);
	}

	/** These values added, replacing any of the same name. */
	public Placeholders withValues(Map<String, String> more) {
		Map<String, String> all = new LinkedHashMap<>(this.values);
		all.putAll(more);
		return new Placeholders(all, this.prefix, this.suffix, this.secretNames);
	}

	public Placeholders withValue(String name, String value) {
		return withValues(Map.of(name, value));
	}

	/** Marks a placeholder whose value is never shown, whatever its name. */
	public Placeholders withSecret(String name) {
		Set<String> secrets = new TreeSet<>(this.secretNames);
		secrets.add(name);
		return new Placeholders(this.values, this.prefix, this.suffix, secrets);
	}

	public Placeholders withSyntax(String prefix, String suffix) {
		return new Placeholders(this.values, prefix, suffix, this.secretNames);
	}

	/**
	 * The built-ins from the connection: {@code migsh:schema}, {@code migsh:user},
	 * {@code migsh:database}; a null value leaves that one unset.
	 */
	public Placeholders withBuiltIns(String schema, String user, String database) {
		Map<String, String> builtIns = new LinkedHashMap<>();
		putIfSet(builtIns, SCHEMA, schema);
		putIfSet(builtIns, USER, user);
		putIfSet(builtIns, DATABASE, database);
		return withValues(builtIns);
	}

	/** True when the value of {@code name} must never be printed. */
	public boolean isSecret(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return this.secretNames.contains(name) || lower.endsWith("password") || lower.endsWith("secret")
				|| lower.endsWith("token");
	}

	/** The names that have a value, with secret values hidden, for {@code info}. */
	public Map<String, String> shown() {
		Map<String, String> shown = new LinkedHashMap<>();
		this.values.keySet()
			.stream()
			.sorted()
			.forEach(n -> shown.put(n, isSecret(n) ? "********" : this.values.get(n)));
		return shown;
	}

	@Override
	public String toString() {
		return "Placeholders" + shown() + " " + this.prefix + "name" + this.suffix;
	}

	private static void putIfSet(Map<String, String> map, String name, String value) {
		if (value != null) {
			map.put(name, value);
		}
	}

}
