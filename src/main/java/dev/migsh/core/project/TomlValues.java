package dev.migsh.core.project;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

import dev.migsh.core.MigshException;

/**
 * Typed reads from a parsed TOML file with the file:line of each value, and
 * {@code ${env:NAME}} references replaced by the variable's value: the checks every key
 * of the project file shares.
 */
final class TomlValues {

	static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)\\}");

	private final String display;

	private final Map<String, String> env;

	TomlValues(String display, Map<String, String> env) {
		this.display = display;
		this.env = env;
	}

	Sourced<String> string(TomlTable table, String key) {
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

	TomlTable table(TomlTable parent, String key) {
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
	String expand(String text, String origin) {
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

	MigshException wrongType(TomlTable table, String key, String name, String expected, Object value) {
		return new MigshException(at(table, key) + ": " + name + " must be " + expected + ", not " + typeOf(value),
				"for example: " + example(name));
	}

	String at(TomlTable table, String key) {
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
	static final class UnsetVariableException extends MigshException {

		private static final long serialVersionUID = 1L;

		UnsetVariableException(String message, String hint) {
			super(message, hint);
		}

	}

}
