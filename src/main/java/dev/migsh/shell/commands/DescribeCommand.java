package dev.migsh.shell.commands;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.schema.TableDescriber;
import dev.migsh.core.schema.TableDescription;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.render.TableDescriptionView;

/**
 * {@code describe TABLE}: what psql's {@code \d} shows, plus size and row estimate. The name
 * reaches PostgreSQL only as a bind parameter.
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

	@Override
	public ExitCode run(Invocation inv) {
		TableDescription description = new TableDescriber(inv.session().database(inv.prompter()).dataSource())
			.describe(inv.args().requiredArgument("TABLE"));
		if (inv.json()) {
			inv.out().json(description);
			return ExitCode.OK;
		}
		inv.out().lines(TableDescriptionView.render(description));
		return ExitCode.OK;
	}

}
