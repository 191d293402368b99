package dev.migsh.shell.commands;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.Transcript;

/**
 * {@code transcript FILE | off}: from now on, copy every command, its output and the time
 * to FILE (appended) for the incident record; passwords never reach it.
 */
@Component
public class TranscriptCommand extends MigshCommand {

	public TranscriptCommand() {
		super(CommandSpec.builder("transcript")
			.group("Runbooks")
			.description("Log commands, their output and timestamps to FILE from now on; transcript off stops")
			.help("The file is appended to, without colour codes; secrets and URL passwords are redacted.")
			.argument(ArgSpec.required("FILE", "the log file, or off", Completion.FILES))
			.build());
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	@Override
	public ExitCode run(Invocation inv) {
		String target = inv.args().requiredArgument("FILE");
		if (target.equals("off")) {
			Optional<Path> stopped = inv.out().stopTranscript();
			inv.out()
				.println(stopped.map(f -> "Transcript stopped; it is in " + f + ".").orElse("No transcript was on."));
			return ExitCode.OK;
		}
		Path file = inv.session().workingDir().resolve(target);
		inv.out().transcribeTo(Transcript.open(file, inv.session()::secrets));
		inv.out().println("Transcript on: commands, output and timestamps go to " + file + " (transcript off stops).");
		return ExitCode.OK;
	}

}
