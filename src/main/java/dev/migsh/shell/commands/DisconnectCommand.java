package dev.migsh.shell.commands;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;

/**
 * {@code disconnect}: close the session (and leave the sandbox, stopping it if no other
 * migsh uses it).
 */
@Component
public class DisconnectCommand extends MigshCommand {

	public DisconnectCommand() {
		super(CommandSpec.builder("disconnect").description("Close the database session").build());
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	@Override
	public ExitCode run(Invocation inv) {
		boolean was = inv.session().connected();
		inv.session().disconnect();
		inv.out().println(was ? "Disconnected." : "Not connected.");
		return ExitCode.OK;
	}

}
