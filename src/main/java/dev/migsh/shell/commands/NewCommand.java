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
		String fileName = file.getFileName().toString();
		if (fileName.endsWith(".up.sql")) {
			Path down = file.resolveSibling(fileName.replaceFirst("\\.up\\.sql$", ".down.sql"));
			inv.out()
				.println("Created " + file + " and " + down + " — both empty (a no-op until you write them);"
						+ " then: plan");
		}
		else if (fileName.startsWith("V")) {
			inv.out().println("Created " + file + " — empty (a no-op until you write it); then: plan");
		}
		else {
			inv.out()
				.println("Created " + file + " — write the up section, a down section if it can be undone, "
						+ "and a verify query; then: plan");
		}
		return ExitCode.OK;
	}

}
