package dev.migsh.shell.commands;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.apply.RepairRequest;
import dev.migsh.core.apply.RepairResult;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;

/**
 * {@code repair [ID]}: accept the new checksum of edited files and clear failed rows,
 * with an audit row each. Shows what it will do and asks first.
 */
@Component
public class RepairCommand extends MigshCommand {

	public RepairCommand() {
		super(CommandSpec.builder("repair")
			.group("Migrations")
			.description("Accept edited checksums and clear failed rows (with an audit row each)")
			.argument(ArgSpec.optional("ID", "repair only this migration", Completion.ALL_MIGRATIONS))
			.option(OptionSpec.flag("yes", "confirm in advance"))
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public ExitCode run(Invocation inv) {
		var migrator = inv.session().migrator(inv.prompter());
		Optional<String> id = inv.args().argument("ID");
		StatusReport status = migrator.status();
		var todo = status.rows()
			.stream()
			.filter(r -> r.state() == MigrationState.CHANGED || r.state() == MigrationState.FAILED)
			.filter(r -> id.isEmpty() || r.id().equals(status.resolve(id.get()).id()))
			.toList();
		if (todo.isEmpty()) {
			inv.out().println("Nothing to repair: no changed or failed migration.");
			return ExitCode.OK;
		}
		for (MigrationStatus r : todo) {
			inv.out()
				.println("  " + r.id() + ": "
						+ (r.state() == MigrationState.CHANGED
								? "accept the file's new checksum (see the diff with: show " + r.id() + ")"
								: "clear the failed record (" + r.detail() + ")"));
		}
		if (!inv.yes()) {
			inv.prompter()
				.requireTyped("Repair " + todo.size() + " record(s)? Type 'yes': ", "yes",
						"repair needs a confirmation", "pass --yes to confirm in advance");
		}
		RepairResult result = migrator.repair(id.map(RepairRequest::only).orElse(RepairRequest.all()));
		for (RepairResult.Action a : result.actions()) {
			inv.out().println(inv.out().style(Style.GREEN, "  ✔ ") + a.id() + ": " + a.detail());
			for (SqlStatement s : a.statementsThatRan()) {
				inv.out()
					.println(inv.out()
						.style(Style.DIM, "      ran before the failure: " + RollbackView.oneLine(s.sql())));
			}
		}
		return ExitCode.OK;
	}

}
