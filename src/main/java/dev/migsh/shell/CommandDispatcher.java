package dev.migsh.shell;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

import dev.migsh.core.ExitCode;
import dev.migsh.core.UsageException;

/**
 * Runs one command line: finds the command, parses its words strictly, runs it against
 * the session and turns any failure into Error/Hint lines and an exit code. The
 * interactive shell, one-shot runs and scripts all come through here.
 */
public final class CommandDispatcher {

	private final CommandRegistry registry;

	private final ShellSession session;

	private final Interrupts interrupts;

	private final Runnable afterCommand;

	/**
	 * @param afterCommand runs after every command, e.g. to forget cached completion
	 * values the command may have changed
	 */
	public CommandDispatcher(CommandRegistry registry, ShellSession session, Interrupts interrupts,
			Runnable afterCommand) {
		this.registry = registry;
		this.session = session;
		this.interrupts = interrupts;
		this.afterCommand = afterCommand;
	}

	public ShellSession session() {
		return this.session;
	}

	public Interrupts interrupts() {
		return this.interrupts;
	}

	/** A command line checked but not run. */
	public record Checked(MigshCommand command, ParsedArgs args) {
	}

	/**
	 * Finds and parses without running: used to validate a whole script before its first
	 * line runs.
	 */
	public Checked check(List<Word> words) {
		if (words.isEmpty()) {
			throw new UsageException("empty command", "type help for the list of commands");
		}
		String name = words.get(0).value();
		MigshCommand command = find(name);
		ParsedArgs args = ArgumentParser.parse(command.spec(), words.subList(1, words.size()));
		command.validate(args);
		return new Checked(command, args);
	}

	public ExitCode execute(String line, Output out, Prompter prompter) {
		try {
			return execute(Tokenizer.split(line), out, prompter);
		}
		catch (UsageException ex) {
			return ErrorReporter.report(ex, out, this.session.secrets(), this.session.launch().verbose());
		}
	}

	/**
	 * Runs a line typed at the prompt; one that succeeds is remembered for
	 * {@code record}. Scripts and one-shot runs use
	 * {@link #execute(String, Output, Prompter)}.
	 */
	public ExitCode executeTyped(String line, Output out, Prompter prompter) {
		ExitCode code = execute(line, out, prompter);
		if (code == ExitCode.OK) {
			this.session.remember(line);
		}
		return code;
	}

	public ExitCode execute(List<Word> words, Output out, Prompter prompter) {
		try {
			Checked checked = check(words);
			if (checked.command().needsDatabase()) {
				this.session.database(prompter);
				this.session.checkAlive();
			}
			printNotices(out);
			this.interrupts.reset();
			return checked.command().run(new Invocation(checked.args(), out, prompter, this.session, this.interrupts));
		}
		catch (Exception | StackOverflowError ex) {
			printNotices(out);
			boolean json = this.session.launch().json() || words.stream().anyMatch(w -> w.value().equals("--json"));
			return ErrorReporter.report(ex, out, this.session.secrets(), this.session.launch().verbose(), json);
		}
		finally {
			this.interrupts.clear();
			this.afterCommand.run();
		}
	}

	private void printNotices(Output out) {
		for (String notice : this.session.drainNotices()) {
			out.errorWriter().println(out.style(Style.DIM, notice));
			out.errorWriter().flush();
		}
	}

	public MigshCommand find(String name) {
		Command command = this.registry.getCommandByName(name);
		if (command == null) {
			command = this.registry.getCommandByAlias(name);
		}
		if (command instanceof MigshCommand migsh) {
			return migsh;
		}
		throw new UsageException("unknown command '" + name + "'", suggestion(name));
	}

	public List<MigshCommand> commands() {
		return this.registry.getCommands()
			.stream()
			.filter(MigshCommand.class::isInstance)
			.map(MigshCommand.class::cast)
			.sorted(java.util.Comparator.comparing(Command::getName))
			.toList();
	}

	private String suggestion(String typed) {
		List<String> close = commands().stream()
			.map(Command::getName)
			.filter(n -> ArgumentParser.distance(n, typed) <= 2 || n.startsWith(typed))
			.toList();
		String all = commands().stream().map(Command::getName).collect(Collectors.joining(", "));
		return close.isEmpty() ? "commands: " + all
				: "did you mean " + String.join(" or ", close) + "? (help lists all)";
	}

}
