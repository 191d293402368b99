package dev.migsh.shell.commands;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.apply.MarkResult;
import dev.migsh.core.plan.DbObject;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;

/**
 * {@code mark-applied ID}: record a pending migration as applied without running it (the
 * seed's "manually mark as executed"), after checking which of the objects it creates
 * already exist; when some do not, it asks first.
 */
@Component
public class MarkAppliedCommand extends MigshCommand {

	public MarkAppliedCommand() {
		super(CommandSpec.builder("mark-applied")
			.group("Migrations")
			.description("Record a pending migration as applied without running it, after checking its objects exist")
			.argument(ArgSpec.required("ID", "a pending migration", Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.flag("yes", "record it even if some of its objects are missing"))
			.option(OptionSpec.flag("dry-run", "only check which of its objects exist"))
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public ExitCode run(Invocation inv) {
		Migrator migrator = inv.session().migrator(inv.prompter());
		String id = inv.args().requiredArgument("ID");
		MarkResult check = migrator.checkMarkApplied(id);
		for (DbObject o : check.existing()) {
			inv.out().println("  " + inv.out().style(Style.GREEN, "✔") + " " + o.describe() + " exists");
		}
		for (DbObject o : check.missing()) {
			inv.out().println("  " + inv.out().style(Style.YELLOW, "⚠") + " " + o.describe() + " does not exist");
		}
		if (inv.args().flag("dry-run")) {
			inv.out().println("Dry run: nothing was recorded.");
			return ExitCode.OK;
		}
		if (!check.missing().isEmpty() && !inv.yes()) {
			inv.prompter()
				.requireTyped("Some objects are missing. Record " + check.id() + " as applied anyway? Type 'yes': ",
						"yes",
						check.id() + " creates " + check.missing().size()
								+ " object(s) that do not exist, so it has probably not run here",
						"apply it instead, or pass --yes to record it anyway");
		}
		MarkResult result = migrator.markApplied(id);
		inv.out()
			.println(inv.out().style(Style.BOLD_GREEN, "Recorded " + result.id() + " as applied (marked)")
					+ " without running it. Undo the record with: mark-pending " + result.id());
		return ExitCode.OK;
	}

}
