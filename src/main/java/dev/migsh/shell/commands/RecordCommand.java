package dev.migsh.shell.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.UsageException;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.ShellSession;
import dev.migsh.shell.Tokenizer;

/**
 * {@code record FILE}: writes the commands typed in this session that succeeded (not
 * their output) as a script that replays them. Connection URLs are kept with the password
 * redacted.
 */
@Component
public class RecordCommand extends MigshCommand {

	/**
	 * Commands about the session's own files; replaying them would write files, not
	 * repeat the work.
	 */
	private static final Set<String> LEFT_OUT = Set.of("record", "transcript", "exit", "quit");

	public RecordCommand() {
		super(CommandSpec.builder("record")
			.group("Runbooks")
			.description("Write the commands of this session (not their output) to FILE as a replayable script")
			.help("Only commands that succeeded are written; record, transcript and exit are left out."
					+ " Replay with: java -jar migsh.jar --script FILE")
			.argument(ArgSpec.required("FILE", "the script to write, e.g. scripts/what-i-did.msh", Completion.FILES))
			.option(OptionSpec.flag("force", "overwrite FILE if it exists"))
			.build());
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	@Override
	public ExitCode run(Invocation inv) {
		ShellSession session = inv.session();
		Path file = session.workingDir().resolve(inv.args().requiredArgument("FILE"));
		if (Files.exists(file) && !inv.args().flag("force")) {
			throw new UsageException("record: " + file + " exists",
					"give another name, or add --force to overwrite it");
		}
		List<String> commands = replayable(session.typedCommands());
		List<String> lines = new ArrayList<>();
		lines.add("# recorded by migsh " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " from " + session
			.currentDatabase()
			.map(db -> db.settings().user() + "@" + db.settings().database() + " (" + session.environment() + ")")
			.orElse("a session with no database"));
		lines.add("# replay: java -jar migsh.jar --script " + inv.args().requiredArgument("FILE"));
		lines.addAll(commands);
		try {
			Files.write(file, lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigshException("cannot write " + file + ": " + ex.getMessage(),
					"give a file in a folder you can write to");
		}
		inv.out().println("Recorded " + commands.size() + " command(s) to " + file + ".");
		return ExitCode.OK;
	}

	static List<String> replayable(List<String> typed) {
		return typed.stream().filter(line -> {
			var words = Tokenizer.split(line);
			return !words.isEmpty() && !LEFT_OUT.contains(words.get(0).value());
		}).toList();
	}

}
