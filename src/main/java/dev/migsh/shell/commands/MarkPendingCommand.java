package dev.migsh.shell.commands;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.Style;

/**
 * {@code mark-pending ID}: forget that a migration ran, without running its down section.
 */
@Component
public class MarkPendingCommand extends MigshCommand {

	public MarkPendingCommand() {
		super(CommandSpec.builder("mark-pending")
			.group("Migrations")
			.description("Remove a migration's history record without running its down section")
			.argument(ArgSpec.required("ID", "an applied migration", Completion.APPLIED_MIGRATIONS))
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public ExitCode run(Invocation inv) {
		AppliedMigration removed = inv.session()
			.migrator(inv.prompter())
			.markPending(inv.args().requiredArgument("ID"));
		inv.out()
			.println(inv.out().style(Style.BOLD, "Marked " + removed.id() + " pending.")
					+ " Its objects are still in the database; 'apply " + removed.id() + "' would run it again,"
					+ " 'mark-applied " + removed.id() + "' records it again.");
		return ExitCode.OK;
	}

}
