package dev.migsh.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsh.core.UsageException;

/**
 * The {@code ${VAR}} references of a script, resolved from {@code --set} values first,
 * then the environment. A reference to a variable set nowhere is an error before anything
 * runs.
 */
final class ScriptVariables {

	private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|KEY).*");

	private final Map<String, String> given;

	private final Map<String, String> environment;

	ScriptVariables(Map<String, String> given, Map<String, String> environment) {
		this.given = given;
		this.environment = environment;
	}

	/**
	 * Names referenced in the text that have no value; a malformed reference is a usage
	 * error.
	 */
	Set<String> missing(String text) {
		Set<String> missing = new LinkedHashSet<>();
		Matcher m = REFERENCE.matcher(text);
		while (m.find()) {
			String name = name(m);
			if (value(name) == null) {
				missing.add(name);
			}
		}
		return missing;
	}

	String substitute(String text) {
		Matcher m = REFERENCE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(value(name(m))));
		}
		m.appendTail(out);
		return out.toString();
	}

	/**
	 * Values of the referenced variables whose names say they are secret, to hide in
	 * echoes.
	 */
	List<String> secretValues(String text) {
		List<String> secrets = new ArrayList<>();
		Matcher m = REFERENCE.matcher(text);
		while (m.find()) {
			String name = name(m);
			if (SECRET_NAME.matcher(name).matches() && value(name) != null) {
				secrets.add(value(name));
			}
		}
		return secrets;
	}

	private String value(String name) {
		String value = this.given.get(name);
		return value != null ? value : this.environment.get(name);
	}

	private static String name(Matcher m) {
		String name = m.group(1);
		if (!NAME.matcher(name).matches()) {
			throw new UsageException("'${" + name + "}' is not a variable reference",
					"a name is letters, digits and _, not starting with a digit: ${TARGET}");
		}
		return name;
	}

}
