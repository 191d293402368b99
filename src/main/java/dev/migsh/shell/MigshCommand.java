package dev.migsh.shell;

import java.util.List;
import java.util.Optional;

import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

import dev.migsh.core.ExitCode;

/**
 * Base of every migsh command: a Spring Shell command (so the registry, completion and
 * the highlighter know it) described by a {@link CommandSpec} and run by migsh's own
 * dispatcher, which parses strictly and maps errors and exit codes in one place.
 */
public abstract class MigshCommand extends AbstractCommand {

	private final CommandSpec spec;

	protected MigshCommand(CommandSpec spec) {
		super(spec.name(), spec.description(), spec.group(), spec.help(), false);
		this.spec = spec;
		setOptions(toOptions(spec));
	}

	public CommandSpec spec() {
		return this.spec;
	}

	/** False for commands that work without a database session (help, new, exit). */
	public boolean needsDatabase() {
		return true;
	}

	/**
	 * True for commands that change the database; scripts run them in dry-run form when
	 * asked.
	 */
	public boolean changesDatabase() {
		return false;
	}

	/**
	 * The flag that turns this command into its dry-run form, for a script run with
	 * {@code --dry-run}: by default its {@code --dry-run} option, if it declares one. A
	 * changing command without one is refused there.
	 */
	public Optional<String> dryRunFlag() {
		return this.spec.option("dry-run").filter(o -> !o.takesValue()).map(OptionSpec::name);
	}

	/**
	 * Checks parsed arguments beyond what the spec can say (an unknown keyword, a
	 * malformed number), so a script is refused before its first line runs. Throws a
	 * UsageException.
	 */
	public void validate(ParsedArgs args) {
	}

	public abstract ExitCode run(Invocation invocation) throws Exception;

	@Override
	public ExitStatus doExecute(CommandContext commandContext) {
		// Spring Shell's own runners are not used: its parser ignores unknown options.
		// Every
		// migsh command goes through CommandDispatcher.
		throw new UnsupportedOperationException("migsh commands run through dev.migsh.shell.CommandDispatcher");
	}

	private static List<CommandOption> toOptions(CommandSpec spec) {
		return spec.options()
			.stream()
			.map(o -> CommandOption.with()
				.longName(o.name())
				.description(o.description())
				.required(false)
				.type(o.takesValue() ? String.class : boolean.class)
				.build())
			.toList();
	}

}
