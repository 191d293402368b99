package dev.migsh.shell.commands;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.UsageException;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.rehearse.RehearsalRequest;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;

/**
 * {@code plan}: what {@code apply} would run, statement by statement, with the safety
 * findings, the lock and size of every table touched, rewrites and rollbacks; remembers
 * the plan's fingerprint so that {@code apply} in this session runs only what was
 * reviewed.
 */
@Component
public class PlanCommand extends MigshCommand {

	public PlanCommand() {
		super(CommandSpec.builder("plan")
			.group("Migrations")
			.description("Show what apply would run: statements, findings, locks, table sizes, rollbacks")
			.help("Ends with a fingerprint of the files, the history and the catalog facts the plan relied on; "
					+ "apply in the same session refuses if any of them changed since.")
			.argument(ArgSpec.optional("ID", "plan only this pending migration", Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.value("to", "ID", "plan pending migrations up to and including ID",
					Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.flag("allow-out-of-order", "include migrations whose version is below an applied one"))
			.option(OptionSpec.flag("json", "print JSON"))
			.option(OptionSpec.flag("full", "print long statements, lists and messages whole"))
			.option(OptionSpec.flag("rehearse",
					"then run the plan on a scratch copy and show what it really did (see rehearse)"))
			.build());
	}

	@Override
	public ExitCode run(Invocation inv) {
		if (inv.json() && inv.args().flag("rehearse")) {
			throw new UsageException("plan: --rehearse prints a report of its own, not JSON",
					"Run `plan --json` for the plan and `rehearse --json` for the rehearsal.");
		}
		Migrator migrator = inv.session().migrator(inv.prompter());
		ApplyTarget target = ApplyCommand.target(inv);
		MigrationPlan plan = migrator.plan(target, inv.args().flag("allow-out-of-order"));
		inv.session().reviewedPlan(plan.fingerprint());
		if (inv.json()) {
			inv.out().json(PlanView.json(plan));
		}
		else {
			PlanView.print(plan, inv.out(), inv.args().flag("full"));
		}
		if (inv.args().flag("rehearse")) {
			if (!inv.json()) {
				inv.out().println();
			}
			return RehearseCommand.rehearse(inv, new RehearsalRequest(target, RehearsalRequest.DEFAULT_ROWS,
					java.util.Optional.empty(), inv.args().flag("allow-out-of-order")));
		}
		return ExitCode.OK;
	}

}
