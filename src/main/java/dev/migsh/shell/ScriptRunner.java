package dev.migsh.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.UsageException;

/**
 * Replays a session script ({@code .msh}): one command per line as typed in the shell,
 * blank lines and {@code #} comments skipped, a trailing backslash continues a line. The
 * whole file is checked first (unknown commands, bad options), so a typo on line 17 runs
 * nothing. Each command is echoed after the prompt, then its output; the run stops at the
 * first failure with that command's exit code.
 */
public final class ScriptRunner {

	static final int MAX_DEPTH = 5;

	private final CommandDispatcher dispatcher;

	private int depth;

	public ScriptRunner(CommandDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	/** One command of a script and the line it starts on. */
	public record Step(int line, String text, List<Word> words) {
	}

	public ExitCode run(Path file, Output out, Prompter prompter) {
		List<Step> steps;
		try {
			steps = read(file);
			for (Step step : steps) {
				check(file, step);
			}
		}
		catch (MigshException ex) {
			return ErrorReporter.report(ex, out, this.dispatcher.session().secrets(),
					this.dispatcher.session().launch().verbose());
		}
		if (this.depth >= MAX_DEPTH) {
			return ErrorReporter.report(new UsageException(file + ": scripts call each other more than " + MAX_DEPTH
					+ " deep", "check for a script that runs itself"), out, List.of(), false);
		}
		this.depth++;
		try {
			for (Step step : steps) {
				out.println(PromptText.of(this.dispatcher.session(), -1, out.colour()) + step.text());
				ExitCode code = this.dispatcher.execute(step.words(), out, prompter);
				if (code != ExitCode.OK) {
					out.errorWriter()
						.println("Script " + file + " stopped at line " + step.line() + " (exit code " + code.code()
								+ "); the lines after it did not run.");
					out.errorWriter().flush();
					return code;
				}
				if (this.dispatcher.session().exitRequested()) {
					break;
				}
			}
			return ExitCode.OK;
		}
		finally {
			this.depth--;
		}
	}

	private void check(Path file, Step step) {
		try {
			this.dispatcher.check(step.words());
		}
		catch (UsageException ex) {
			throw new UsageException(file + ":" + step.line() + ": " + ex.getMessage() + " (nothing was run)",
					ex.hint());
		}
	}

	static List<Step> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new UsageException("script " + file + " not found", "give the path of a .msh file, e.g. scripts/demo.msh");
		}
		catch (IOException ex) {
			throw new MigshException("cannot read script " + file + ": " + ex.getMessage(),
					"check the file exists and is readable UTF-8 text");
		}
		List<Step> steps = new ArrayList<>();
		StringBuilder pending = null;
		int start = 0;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			String trimmed = line.strip();
			if (pending == null && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
				continue;
			}
			if (pending == null) {
				pending = new StringBuilder();
				start = i + 1;
			}
			if (trimmed.endsWith("\\")) {
				pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			pending.append(trimmed);
			String text = pending.toString().strip();
			steps.add(new Step(start, text, tokenize(file, start, text)));
			pending = null;
		}
		if (pending != null) {
			throw new UsageException(file + ":" + start + ": the last line ends with a continuation backslash",
					"remove the trailing \\ or add the rest of the command");
		}
		return steps;
	}

	private static List<Word> tokenize(Path file, int line, String text) {
		try {
			return Tokenizer.split(text);
		}
		catch (UsageException ex) {
			throw new UsageException(file + ":" + line + ": " + ex.getMessage(), ex.hint());
		}
	}

}
