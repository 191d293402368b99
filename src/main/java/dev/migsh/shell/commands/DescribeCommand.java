package dev.migsh.shell.commands;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.schema.ColumnInfo;
import dev.migsh.core.Migrator;
import dev.migsh.core.schema.TableDescription;
import dev.migsh.core.schema.TableProvenance;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.render.ProvenanceView;
import dev.migsh.shell.render.TableDescriptionView;

/**
 * {@code describe TABLE}: what psql's {@code \d} shows, plus size and row estimate, and
 * the migrations that created or changed the table and each column. The name reaches
 * PostgreSQL only as a bind parameter.
 */
@Component
public class DescribeCommand extends MigshCommand {

	public DescribeCommand() {
		super(CommandSpec.builder("describe")
			.group("Schema")
			.description("Describe a table or view like psql \\d: columns, indexes, constraints, references, triggers")
			.argument(ArgSpec.required("TABLE", "a table or view; quote mixed case: \"Order Items\"", Completion.TABLES)
				.asIdentifier())
			.option(OptionSpec.flag("json", "print JSON"))
			.build());
	}

	/**
	 * What {@code --json} prints: the description, and the migrations that made the
	 * table.
	 */
	public record Json(TableDescription table, TableProvenance migrations) {
	}

	@Override
	public ExitCode run(Invocation inv) {
		Migrator migrator = inv.session().migrator(inv.prompter());
		TableDescription description = migrator.describe(inv.args().requiredArgument("TABLE"));
		TableProvenance provenance = migrator.provenance(description.schema(), description.name(),
				description.columns().stream().map(ColumnInfo::name).toList());
		if (inv.json()) {
			inv.out().json(new Json(description, provenance));
			return ExitCode.OK;
		}
		inv.out().lines(TableDescriptionView.render(description));
		inv.out().lines(ProvenanceView.render(provenance));
		return ExitCode.OK;
	}

}
