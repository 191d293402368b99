package dev.migsh.shell.commands;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.history.AuditEntry;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;
import dev.migsh.shell.TextTable;

/**
 * {@code history [TABLE]}: the audit trail of every change, optionally only what touched
 * one table.
 */
@Component
public class HistoryCommand extends MigshCommand {

	public HistoryCommand() {
		super(CommandSpec.builder("history")
			.group("Schema")
			.description("The audit trail: who applied, undid, marked or repaired what, when, and the outcome")
			.argument(ArgSpec
				.optional("TABLE", "only the entries of migrations that touched this table", Completion.TABLES)
				.asIdentifier())
			.option(OptionSpec.flag("json", "print JSON"))
			.build());
	}

	@Override
	public ExitCode run(Invocation inv) {
		List<AuditEntry> entries = inv.session().migrator(inv.prompter()).history(inv.args().argument("TABLE"));
		if (inv.json()) {
			inv.out().json(entries);
			return ExitCode.OK;
		}
		if (entries.isEmpty()) {
			inv.out().println("No audit entries" + inv.args().argument("TABLE").map(t -> " for " + t).orElse("") + ".");
			return ExitCode.OK;
		}
		TextTable table = new TextTable("When", "Action", "Migration", "Outcome", "Who", "Detail");
		for (AuditEntry e : entries) {
			String outcome = e.outcome().name().toLowerCase(java.util.Locale.ROOT);
			table.row(MigrationStyles.time(e.at()),
					e.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), e.migrationId().orElse(""),
					new TextTable.Cell(outcome, "ok".equals(outcome) ? Style.GREEN : Style.BOLD_RED),
					e.dbUser() + " (" + e.operator() + ")", RollbackView.oneLine(e.detail() == null ? "" : e.detail()));
		}
		inv.out().table(table);
		return ExitCode.OK;
	}

}
