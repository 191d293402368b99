package dev.migsh.shell.commands;

import java.nio.file.Path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandDispatcher;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.ScriptRunner;

/** {@code script FILE}: replay a session script inside the shell, exactly as {@code --script} does. */
@Component
public class ScriptCommand extends MigshCommand {

	private final ObjectProvider<CommandDispatcher> dispatcher;

	public ScriptCommand(ObjectProvider<CommandDispatcher> dispatcher) {
		super(CommandSpec.builder("script")
			.group("Runbooks")
			.description("Replay a session script (.msh): stops at the first failing command")
			.argument(ArgSpec.required("FILE", "the script to run, e.g. scripts/demo.msh", Completion.FILES))
			.build());
		this.dispatcher = dispatcher;
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	@Override
	public ExitCode run(Invocation inv) {
		Path file = Path.of(inv.args().requiredArgument("FILE"));
		return new ScriptRunner(this.dispatcher.getObject()).run(file, inv.out(), inv.prompter());
	}

}
