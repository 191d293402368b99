package dev.migsh.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migsh.core.UsageException;

/**
 * The global options of
 * {@code java -jar migsh.jar [OPTIONS] [--script FILE | COMMAND [ARGS...]]}, with their
 * environment equivalents. Options go before the command; what follows the command
 * belongs to it. {@code --set}, {@code --from} and {@code --dry-run} shape a script run;
 * {@code --transcript} logs any run.
 */
public record LaunchOptions(String url, String env, Path migrations, String schema, boolean yes, boolean json,
		boolean verbose, Path script, List<String> command, ScriptOptions scriptOptions, Path transcript,
		boolean allowInsecure) {

	public static final String USAGE = "java -jar migsh.jar [--url URL] [--env ENV] [--migrations DIR] [--schema NAME]"
			+ " [--yes] [--json] [--verbose] [--allow-insecure] [--transcript FILE]"
			+ " [--script FILE [--set VAR=value]... [--from N] [--dry-run] | COMMAND [ARGS...]]";

	public LaunchOptions {
		command = List.copyOf(command);
	}

	public LaunchOptions(String url, String env, Path migrations, String schema, boolean yes, boolean json,
			boolean verbose, Path script, List<String> command) {
		this(url, env, migrations, schema, yes, json, verbose, script, command, ScriptOptions.DEFAULT, null, false);
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
		Path migrations = null;
		String schema = null;
		boolean yes = false;
		boolean json = false;
		boolean verbose = false;
		boolean allowInsecure = "true".equalsIgnoreCase(env.getOrDefault("MIGSH_ALLOW_INSECURE", ""));
		Path script = null;
		Path transcript = null;
		List<String> assignments = new ArrayList<>();
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
				case "--migrations" -> migrations = Path.of(value(args, i, name, inline));
				case "--schema" -> schema = value(args, i, name, inline);
				case "--script" -> script = Path.of(value(args, i, name, inline));
				case "--transcript" -> transcript = Path.of(value(args, i, name, inline));
				case "--set" -> assignments.add(value(args, i, name, inline));
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
		if (migrations == null) {
			migrations = Path.of(env.getOrDefault("MIGSH_MIGRATIONS", "migrations"));
		}
		if (schema == null) {
			schema = env.getOrDefault("MIGSH_SCHEMA", "migsh");
		}
		return new LaunchOptions(url, environment, migrations, schema, yes, json, verbose, script, command,
				scriptOptions, transcript, allowInsecure);
	}

	private static boolean takesValue(String name) {
		return switch (name) {
			case "--url", "--env", "--migrations", "--schema", "--script", "--transcript", "--set", "--from" -> true;
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
