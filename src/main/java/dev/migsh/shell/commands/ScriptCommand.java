package dev.migsh.shell.commands;

import java.nio.file.Path;

import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandDispatcher;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.ParsedArgs;
import dev.migsh.shell.ScriptOptions;
import dev.migsh.shell.ScriptRunner;

/**
 * {@code script FILE}: replay a session script inside the shell, exactly as
 * {@code --script} does. Called from another script, FILE is found beside the caller and
 * inherits its variables and dry-run.
 */
@Component
public class ScriptCommand extends MigshCommand {

	private final Supplier<CommandDispatcher> dispatcher;

	@Autowired
	public ScriptCommand(ObjectProvider<CommandDispatcher> dispatcher) {
		this((Supplier<CommandDispatcher>) dispatcher::getObject);
	}

	/** For the one-shot path, which builds the commands without Spring. */
	public ScriptCommand(Supplier<CommandDispatcher> dispatcher) {
		super(CommandSpec.builder("script")
			.group("Runbooks")
			.description("Replay a session script (.msh): stops at the first failing command")
			.help("Every line is checked before the first runs. ${VAR} comes from --set or the environment.")
			.argument(ArgSpec.required("FILE", "the script to run, e.g. scripts/demo.msh", Completion.FILES))
			.option(OptionSpec.value("from", "LINE", "resume at this line (after fixing what stopped it)"))
			.option(OptionSpec.flag("dry-run", "run every changing command in its dry-run form"))
			.option(OptionSpec.value("set", "VAR=value", "give a variable the script uses as ${VAR}").repeatable())
			.build());
		this.dispatcher = dispatcher;
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	@Override
	public void validate(ParsedArgs args) {
		ScriptRunner.nestedOptions(java.util.Optional.empty(), args);
	}

	@Override
	public ExitCode run(Invocation inv) {
		var caller = inv.session().currentScript();
		Path file = ScriptRunner.resolve(caller, inv.session().workingDir(), inv.args().requiredArgument("FILE"));
		ScriptOptions options = ScriptRunner.nestedOptions(caller.map(ScriptRunner.Frame::options), inv.args());
		return new ScriptRunner(this.dispatcher.get()).run(file, options, inv.out(), inv.prompter());
	}

}
