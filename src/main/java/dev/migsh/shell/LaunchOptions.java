package dev.migsh.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migsh.core.UsageException;
import dev.migsh.core.history.HistorySchemaName;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.project.ProjectFlags;

/**
 * The global options of
 * {@code java -jar migsh.jar [OPTIONS] [--script FILE | COMMAND [ARGS...]]}, with their
 * environment equivalents. Options go before the command; what follows the command
 * belongs to it. {@code --set}, {@code --from} and {@code --dry-run} shape a script run;
 * {@code --transcript} logs any run. {@code --placeholder NAME=VALUE} (repeatable, over
 * {@code MIGSH_PLACEHOLDER_NAME}) with {@code --placeholder-prefix} and
 * {@code --placeholder-suffix} give the migration SQL's placeholders. The project
 * settings ({@code --config}, {@code --target}, {@code --migrations}, {@code --schema},
 * timeouts, {@code --search-path}, placeholders) are kept as given in {@link #flags()}:
 * the core ranks them above the environment and the project file.
 */
public record LaunchOptions(String url, String env, boolean yes, boolean json, boolean verbose, Path script,
		List<String> command, ScriptOptions scriptOptions, Path transcript, boolean allowInsecure, ProjectFlags flags) {

	public static final String USAGE = "java -jar migsh.jar [--config FILE] [--target NAME] [--url URL] [--env ENV]"
			+ " [--migrations DIR] [--schema NAME] [--search-path SCHEMAS] [--lock-wait D] [--lock-timeout D]"
			+ " [--statement-timeout D] [--placeholder NAME=VALUE]... [--placeholder-prefix P]"
			+ " [--placeholder-suffix S] [--yes] [--json] [--verbose] [--allow-insecure] [--transcript FILE]"
			+ " [--script FILE [--set VAR=value]... [--from N] [--dry-run] | COMMAND [ARGS...]]";

	public LaunchOptions {
		command = List.copyOf(command);
	}

	/**
	 * Placeholder values from {@code --placeholder NAME=VALUE} assignments over those of
	 * the environment, with the given prefix and suffix (null keeps the default).
	 * @throws UsageException for an assignment without {@code =} or a name
	 */
	public static Placeholders placeholders(List<String> assignments, String prefix, String suffix,
			Map<String, String> env) {
		Map<String, String> values = assignments(assignments);
		checkSyntax(prefix, suffix);
		return Placeholders.fromEnvironment(env)
			.withValues(values)
			.withSyntax(prefix == null ? Placeholders.DEFAULT_PREFIX : prefix,
					suffix == null ? Placeholders.DEFAULT_SUFFIX : suffix);
	}

	private static Map<String, String> assignments(List<String> assignments) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		for (String assignment : assignments) {
			int eq = assignment.indexOf('=');
			if (eq <= 0) {
				throw new UsageException("--placeholder '" + assignment + "' is not NAME=VALUE",
						"for example: --placeholder schema=app");
			}
			values.put(assignment.substring(0, eq), assignment.substring(eq + 1));
		}
		return values;
	}

	private static void checkSyntax(String prefix, String suffix) {
		if ((prefix != null && prefix.isEmpty()) || (suffix != null && suffix.isEmpty())) {
			throw new UsageException("a placeholder prefix or suffix cannot be empty",
					"leave the option out for the defaults ${ and }");
		}
	}

	public enum Mode {

		INTERACTIVE, ONE_SHOT, SCRIPT

	}

	public Mode mode() {
		if (this.script != null) {
			return Mode.SCRIPT;
		}
		return this.command.isEmpty() ? Mode.INTERACTIVE : Mode.ONE_SHOT;
	}

	public static LaunchOptions parse(String[] args, Map<String, String> env) {
		String url = null;
		String environment = null;
		String migrations = null;
		String schema = null;
		String config = null;
		String target = null;
		String searchPath = null;
		String lockWait = null;
		String lockTimeout = null;
		String statementTimeout = null;
		boolean yes = false;
		boolean json = false;
		boolean verbose = false;
		boolean allowInsecure = "true".equalsIgnoreCase(env.getOrDefault("MIGSH_ALLOW_INSECURE", ""));
		Path script = null;
		Path transcript = null;
		List<String> assignments = new ArrayList<>();
		List<String> placeholderValues = new ArrayList<>();
		String placeholderPrefix = null;
		String placeholderSuffix = null;
		Integer from = null;
		boolean dryRun = false;
		List<String> command = new ArrayList<>();
		int i = 0;
		while (i < args.length && args[i].startsWith("--")) {
			String arg = args[i];
			String name = arg;
			String inline = null;
			int eq = arg.indexOf('=');
			if (eq > 0) {
				name = arg.substring(0, eq);
				inline = arg.substring(eq + 1);
			}
			switch (name) {
				case "--url" -> url = value(args, i, name, inline);
				case "--env" -> environment = value(args, i, name, inline);
				case "--migrations" -> migrations = value(args, i, name, inline);
				case "--config" -> config = value(args, i, name, inline);
				case "--target" -> target = value(args, i, name, inline);
				case "--search-path" -> searchPath = value(args, i, name, inline);
				case "--lock-wait" -> lockWait = value(args, i, name, inline);
				case "--lock-timeout" -> lockTimeout = value(args, i, name, inline);
				case "--statement-timeout" -> statementTimeout = value(args, i, name, inline);
				case "--schema" -> schema = value(args, i, name, inline);
				case "--script" -> script = Path.of(value(args, i, name, inline));
				case "--transcript" -> transcript = Path.of(value(args, i, name, inline));
				case "--set" -> assignments.add(value(args, i, name, inline));
				case "--placeholder" -> placeholderValues.add(value(args, i, name, inline));
				case "--placeholder-prefix" -> placeholderPrefix = value(args, i, name, inline);
				case "--placeholder-suffix" -> placeholderSuffix = value(args, i, name, inline);
				case "--from" -> from = ScriptOptions.line(value(args, i, name, inline));
				case "--dry-run" -> dryRun = true;
				case "--yes" -> yes = true;
				case "--json" -> json = true;
				case "--verbose" -> verbose = true;
				case "--allow-insecure" -> allowInsecure = true;
				default -> throw new UsageException("unknown option '" + arg + "'", "usage: " + USAGE);
			}
			i += (inline == null && takesValue(name)) ? 2 : 1;
		}
		for (; i < args.length; i++) {
			command.add(args[i]);
		}
		if (url != null && target != null) {
			throw new UsageException("--url and --target both name a server",
					"give one: --target NAME for a target of the project file, or --url URL");
		}
		if (script != null && !command.isEmpty()) {
			throw new UsageException("--script and a command cannot be given together",
					"put the command in the script, or drop --script");
		}
		if (script == null && (from != null || dryRun || !assignments.isEmpty())) {
			throw new UsageException("--set, --from and --dry-run shape a script run and need --script FILE",
					"for one command, give the command's own --dry-run, e.g. undo --dry-run");
		}
		ScriptOptions scriptOptions = new ScriptOptions(from == null ? 1 : from, dryRun,
				ScriptOptions.assignments(assignments));
		if (schema != null) {
			HistorySchemaName.check(schema);
		}
		checkSyntax(placeholderPrefix, placeholderSuffix);
		ProjectFlags flags = new ProjectFlags(config, target, migrations, schema, lockWait, lockTimeout,
				statementTimeout, searchPath, placeholderPrefix, placeholderSuffix, assignments(placeholderValues));
		return new LaunchOptions(url, environment, yes, json, verbose, script, command, scriptOptions, transcript,
				allowInsecure, flags);
	}

	private static boolean takesValue(String name) {
		return switch (name) {
			case "--url", "--env", "--migrations", "--schema", "--script", "--transcript", "--set", "--from",
					"--placeholder", "--placeholder-prefix", "--placeholder-suffix", "--config", "--target",
					"--search-path", "--lock-wait", "--lock-timeout", "--statement-timeout" ->
				true;
			default -> false;
		};
	}

	private static String value(String[] args, int i, String name, String inline) {
		if (!takesValue(name)) {
			throw new UsageException("option " + name + " takes no value", "usage: " + USAGE);
		}
		if (inline != null) {
			return inline;
		}
		if (i + 1 >= args.length) {
			throw new UsageException("option " + name + " needs a value", "usage: " + USAGE);
		}
		return args[i + 1];
	}

}
