package dev.migsh.shell.commands;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.schema.TableSummary;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.TextTable;
import dev.migsh.shell.render.ByteSize;

/**
 * {@code tables}: the tables and views of the connected database with estimated rows and
 * size.
 */
@Component
public class TablesCommand extends MigshCommand {

	public TablesCommand() {
		super(CommandSpec.builder("tables")
			.group("Schema")
			.description("List the tables and views with estimated rows and size")
			.option(OptionSpec.flag("json", "print JSON"))
			.build());
	}

	@Override
	public ExitCode run(Invocation inv) {
		List<TableSummary> rows = inv.session().migrator(inv.prompter()).tables();
		if (inv.json()) {
			inv.out().json(rows);
			return ExitCode.OK;
		}
		if (rows.isEmpty()) {
			inv.out().println("No tables yet.");
			return ExitCode.OK;
		}
		TextTable table = new TextTable("Schema", "Name", "Kind", "Rows (est.)", "Size").alignRight(3).alignRight(4);
		for (TableSummary r : rows) {
			table.row(r.schema(), r.name(), r.kind().title().toLowerCase(java.util.Locale.ROOT),
					r.rowEstimate() < 0 ? "?" : r.rowEstimate(), ByteSize.format(r.sizeBytes()));
		}
		inv.out().table(table);
		inv.out().println(rows.size() + (rows.size() == 1 ? " relation" : " relations"));
		return ExitCode.OK;
	}

}
