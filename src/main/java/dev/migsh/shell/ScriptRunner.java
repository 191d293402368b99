package dev.migsh.shell;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.UsageException;

/**
 * Replays a session script ({@code .msh}): one command per line as typed in the shell,
 * blank lines and {@code #} comments skipped, a trailing backslash continues a line,
 * {@code ${VAR}} taken from {@code --set} or the environment. The whole file, and every
 * script it calls, is checked first (unknown commands, bad options, unset variables), so
 * a typo on line 17 runs nothing. Each command is echoed after a timestamp and the
 * prompt, then its output; the run stops at the first failure with that command's exit
 * code.
 */
public final class ScriptRunner {

	static final int MAX_DEPTH = 5;

	static final String SCRIPT_COMMAND = "script";

	static final String EXPECT_COMMAND = "expect";

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final CommandDispatcher dispatcher;

	public ScriptRunner(CommandDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	/**
	 * One command of a script, checked: the lines it spans, the text after substitution,
	 * its words, its echo, and what kind of command it is.
	 */
	public record Step(int line, int lastLine, String text, List<Word> words, String echo, boolean needsDatabase,
			boolean changes, boolean guard) {
	}

	/**
	 * A script being run, so a script it calls inherits its options and resolves paths
	 * beside it.
	 */
	public record Frame(Path file, ScriptOptions options) {
	}

	public ExitCode run(Path file, Output out, Prompter prompter) {
		return run(file, ScriptOptions.DEFAULT, out, prompter);
	}

	public ExitCode run(Path file, ScriptOptions options, Output out, Prompter prompter) {
		ShellSession session = this.dispatcher.session();
		List<Step> steps;
		int start;
		try {
			steps = prepare(file, options, session.scriptDepth());
			start = startIndex(file, steps, options.from());
		}
		catch (MigshException ex) {
			return ErrorReporter.report(ex, out, session.secrets(), session.launch().verbose());
		}
		session.enterScript(new Frame(file, options));
		try {
			if (start > 0) {
				out.println(out.style(Style.DIM, "Resuming " + file + " at line " + steps.get(start).line() + ": the "
						+ start + " command(s) above it are skipped."));
			}
			boolean changeSkipped = false;
			for (Step step : steps.subList(start, steps.size())) {
				RuntimeException unreachable = connectFirst(step, prompter);
				out.println(out.style(Style.DIM, "[" + LocalTime.now().format(CLOCK) + "] ")
						+ PromptText.of(session, -1, out.colour()) + step.echo());
				if (changeSkipped && step.guard()) {
					// the guard describes the database after changes this dry run did not
					// make
					out.println(
							out.style(Style.DIM, "○ not checked in a dry run: the changes before it were not made"));
					continue;
				}
				changeSkipped |= options.dryRun() && step.changes();
				ExitCode code = (unreachable != null)
						? ErrorReporter.report(unreachable, out, session.secrets(), session.launch().verbose())
						: this.dispatcher.execute(step.words(), out, prompter);
				if (code != ExitCode.OK) {
					out.errorWriter()
						.println("Script " + file + " stopped at line " + step.line() + " (exit code " + code.code()
								+ "); the lines after it did not run. After fixing the cause, resume with --from "
								+ step.line() + ".");
					out.errorWriter().flush();
					return code;
				}
				if (session.exitRequested()) {
					break;
				}
			}
			return ExitCode.OK;
		}
		finally {
			session.leaveScript();
		}
	}

	/**
	 * Opens the session before the echo of the first command that needs it, so the prompt
	 * echoed shows the database; returns the failure to report instead of running the
	 * step.
	 */
	private RuntimeException connectFirst(Step step, Prompter prompter) {
		ShellSession session = this.dispatcher.session();
		if (session.connected() || !step.needsDatabase()) {
			return null;
		}
		try {
			session.database(prompter);
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	/**
	 * Reads and checks a script and every script it calls, changing nothing: each step is
	 * substituted, tokenized, parsed and, in a dry-run, turned into its dry-run form.
	 */
	List<Step> prepare(Path file, ScriptOptions options, int depth) {
		if (depth >= MAX_DEPTH) {
			throw new UsageException(file + ": scripts call each other more than " + MAX_DEPTH + " deep",
					"check for a script that runs itself (nothing was run)");
		}
		ShellSession session = this.dispatcher.session();
		ScriptVariables variables = new ScriptVariables(options.variables(), session.environmentVariables());
		List<ScriptSource.Entry> raw = ScriptSource.read(file);
		Map<String, Integer> missing = new LinkedHashMap<>();
		for (ScriptSource.Entry step : raw) {
			for (String name : located(file, step, () -> variables.missing(step.text()))) {
				missing.putIfAbsent(name, step.line());
			}
		}
		if (!missing.isEmpty()) {
			String first = missing.keySet().iterator().next();
			StringBuilder names = new StringBuilder();
			missing.forEach((name, line) -> names.append(names.isEmpty() ? "" : ", ")
				.append("${")
				.append(name)
				.append("} (line ")
				.append(line)
				.append(')'));
			throw new UsageException(file + ": variables not set: " + names + " (nothing was run)",
					"set them in the environment or pass --set " + first + "=VALUE");
		}
		List<Step> steps = new ArrayList<>();
		for (ScriptSource.Entry step : raw) {
			String text = variables.substitute(step.text());
			List<Word> words = located(file, step, () -> Tokenizer.split(text));
			String echo = ErrorReporter.redact(text, variables.secretValues(step.text()));
			List<Word> typed = words;
			CommandDispatcher.Checked checked = located(file, step, () -> this.dispatcher.check(typed));
			if (options.dryRun() && checked.command().changesDatabase()) {
				MigshCommand changing = checked.command();
				int line = step.line();
				String flag = changing.dryRunFlag()
					.orElseThrow(() -> new UsageException(file + ":" + line + ": " + changing.getName()
							+ " changes the database and has no dry-run form, so a --dry-run script cannot run it"
							+ " (nothing was run)",
							"run the script without --dry-run, or leave " + changing.getName() + " out of it"));
				if (!checked.args().flag(flag)) {
					List<Word> dry = new ArrayList<>(words);
					dry.add(Word.plain("--" + flag));
					words = List.copyOf(dry);
					echo = echo + " --" + flag;
					List<Word> checkedWords = words;
					checked = located(file, step, () -> this.dispatcher.check(checkedWords));
				}
			}
			if (checked.command().getName().equals(SCRIPT_COMMAND)) {
				Path nested = resolve(Optional.of(new Frame(file, options)), session.workingDir(),
						checked.args().requiredArgument("FILE"));
				ScriptOptions nestedOptions = nestedOptions(Optional.of(options), checked.args());
				located(file, step, () -> prepare(nested, nestedOptions, depth + 1));
			}
			MigshCommand command = checked.command();
			steps.add(new Step(step.line(), step.lastLine(), text, words, echo, command.needsDatabase(),
					command.changesDatabase(), command.getName().equals(EXPECT_COMMAND)));
		}
		return steps;
	}

	/**
	 * Where a script named in a command lives: beside the script that names it, or, typed
	 * at the prompt, relative to the working directory.
	 */
	public static Path resolve(Optional<Frame> caller, Path workingDir, String given) {
		Path path = Path.of(given);
		if (path.isAbsolute()) {
			return path;
		}
		Path base = caller.map(f -> f.file().toAbsolutePath().getParent()).orElse(workingDir);
		return base.resolve(path).normalize();
	}

	/**
	 * The options of {@code script FILE [--from N] [--dry-run] [--set VAR=value]...}: a
	 * script called from another inherits its variables and its dry-run.
	 */
	public static ScriptOptions nestedOptions(Optional<ScriptOptions> caller, ParsedArgs args) {
		ScriptOptions base = caller.map(o -> o.nested(Map.of())).orElse(ScriptOptions.DEFAULT);
		Map<String, String> variables = new LinkedHashMap<>(base.variables());
		variables.putAll(ScriptOptions.assignments(args.values("set")));
		int from = args.value("from").map(ScriptOptions::line).orElse(1);
		return new ScriptOptions(from, base.dryRun() || args.flag("dry-run"), variables);
	}

	private static int startIndex(Path file, List<Step> steps, int from) {
		if (from <= 1) {
			return 0;
		}
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			if (step.line() < from && from <= step.lastLine()) {
				throw new UsageException(file + ": line " + from + " is inside the command that starts on line "
						+ step.line() + " (nothing was run)", "resume with --from " + step.line());
			}
			if (step.line() >= from) {
				return i;
			}
		}
		throw new UsageException(file + ": no command starts at or after line " + from + " (nothing was run)",
				"the script has " + (steps.isEmpty() ? "no commands"
						: "its last command on line " + steps.get(steps.size() - 1).line()));
	}

	private static <T> T located(Path file, ScriptSource.Entry step, Supplier<T> body) {
		try {
			return body.get();
		}
		catch (UsageException ex) {
			String message = ex.getMessage();
			if (!message.startsWith(file.toString())) {
				message = file + ":" + step.line() + ": " + message;
			}
			if (!message.contains("nothing was run")) {
				message = message + " (nothing was run)";
			}
			throw new UsageException(message, ex.hint());
		}
	}

}
