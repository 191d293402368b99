package dev.migsh.shell.commands;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.catalog.NewMigration;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;

/**
 * {@code new NAME}: a new migration file with the next version and the three sections.
 */
@Component
public class NewCommand extends MigshCommand {

	public NewCommand() {
		super(CommandSpec.builder("new")
			.group("Migrations")
			.description("Create a migration file with the next version in the folder's style (sequence or timestamp)")
			.argument(ArgSpec.required("NAME", "lower-case words joined by - or _, e.g. add-bio-to-users",
					Completion.NONE))
			.build());
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	@Override
	public ExitCode run(Invocation inv) {
		Path file = NewMigration.create(inv.session().migrationsDir(), inv.args().requiredArgument("NAME"),
				Clock.systemUTC());
		inv.out()
			.println("Created " + file + " — write the up section, a down section if it can be undone, "
					+ "and a verify query; then: plan");
		return ExitCode.OK;
	}

}
