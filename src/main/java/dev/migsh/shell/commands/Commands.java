package dev.migsh.shell.commands;

import java.util.List;
import java.util.function.Supplier;

import dev.migsh.shell.CommandDispatcher;
import dev.migsh.shell.MigshCommand;

/**
 * Every command, made by hand for the one-shot path, which starts no Spring context.
 * Under Spring the same classes are {@code @Component}s; {@code CommandsTest} proves the
 * two sets are equal, so a new command cannot be missing from either.
 */
public final class Commands {

	private Commands() {
	}

	/**
	 * @param dispatcher the dispatcher the commands run under, for {@code help} and
	 * {@code script}; asked for only when they run
	 */
	public static List<MigshCommand> all(Supplier<CommandDispatcher> dispatcher) {
		return List.of(new AdoptCommand(), new ApplyCommand(), new BaselineCommand(), new ConnectCommand(),
				new DescribeCommand(), new DisconnectCommand(), new DriftCommand(), new ExitCommand(),
				new ExpectCommand(), new HelpCommand(dispatcher), new HistoryCommand(), new InfoCommand(),
				new MarkAppliedCommand(), new MarkPendingCommand(), new NewCommand(), new PlanCommand(),
				new RecordCommand(), new RehearseCommand(), new RepairCommand(), new ReportCommand(),
				new ResetCommand(), new ScriptCommand(dispatcher), new ShowCommand(), new StatusCommand(),
				new TablesCommand(), new TranscriptCommand(), new TrashCommand(), new UndoCommand());
	}

}
