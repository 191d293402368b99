package dev.migsh.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.migsh.core.UsageException;

/**
 * How a script is replayed: the line to resume from (1 = the start), whether changing
 * commands run in their dry-run form, and the variables given with
 * {@code --set VAR=value} (which win over the environment).
 */
public record ScriptOptions(int from, boolean dryRun, Map<String, String> variables) {

	public static final ScriptOptions DEFAULT = new ScriptOptions(1, false, Map.of());

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	public ScriptOptions {
		variables = Map.copyOf(variables);
	}

	/**
	 * The options a script run from inside another inherits: variables and dry-run, not
	 * the start line.
	 */
	public ScriptOptions nested(Map<String, String> moreVariables) {
		Map<String, String> all = new LinkedHashMap<>(this.variables);
		all.putAll(moreVariables);
		return new ScriptOptions(1, this.dryRun, all);
	}

	/** Parses {@code VAR=value} assignments as given to {@code --set}. */
	public static Map<String, String> assignments(List<String> given) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String assignment : given) {
			int eq = assignment.indexOf('=');
			String name = eq < 0 ? assignment : assignment.substring(0, eq);
			if (eq < 0 || !NAME.matcher(name).matches()) {
				throw new UsageException("--set needs VAR=value, got '" + assignment + "'",
						"e.g. --set TARGET=031; a name is letters, digits and _, not starting with a digit");
			}
			variables.put(name, assignment.substring(eq + 1));
		}
		return variables;
	}

	/** Parses the {@code --from} line number. */
	public static int line(String text) {
		try {
			int line = Integer.parseInt(text.strip());
			if (line >= 1) {
				return line;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("--from needs a line number (1 or more), got '" + text + "'",
				"give the line the script stopped at, as printed in 'stopped at line N'");
	}

}
