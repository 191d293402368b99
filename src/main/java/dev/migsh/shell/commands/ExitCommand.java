package dev.migsh.shell.commands;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;

/**
 * {@code exit} (or {@code quit}): leave the shell, or end a script early with success.
 */
@Component
public class ExitCommand extends MigshCommand {

	public ExitCommand() {
		super(CommandSpec.builder("exit").description("Leave the shell (also: quit, Ctrl-D)").build());
		setAliases(List.of("quit"));
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	@Override
	public ExitCode run(Invocation inv) {
		inv.session().requestExit();
		return ExitCode.OK;
	}

}
