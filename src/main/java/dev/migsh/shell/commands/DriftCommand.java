package dev.migsh.shell.commands;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.schema.DatabaseConnector;
import dev.migsh.core.schema.DriftItem;
import dev.migsh.core.schema.DriftReport;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.Progress;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;

/**
 * {@code drift}: the live schema against the schema the applied migrations build in a
 * scratch database; what was changed by hand, with the DDL of each side. Exit code 1 on
 * drift, for CI.
 */
@Component
public class DriftCommand extends MigshCommand {

	public DriftCommand() {
		super(CommandSpec.builder("drift")
			.group("Schema")
			.description("Compare the live schema with what the applied migrations build; exit 1 on drift, 6 if it"
					+ " could not check")
			.help("""
					Replays every applied migration, as it ran and in version order, into a scratch database
					(migsh_scratch_<random>, dropped afterwards) and compares both catalogs object by object:
					what is in the database but not in the migrations (made by hand), what the migrations build
					but the database lacks, and what differs, each with its DDL. Schemas and extensions the
					database has and no migration creates are made first (prerequisites). The user needs
					CREATEDB for the scratch database. Exit code 0: no drift; 1: drift found; 6: could not
					check. Ctrl-C stops it and drops the scratch database.""")
			.option(OptionSpec.flag("json", "print JSON"))
			.build());
	}

	@Override
	public ExitCode run(Invocation inv) {
		DatabaseConnector connector = DatabaseConnector.of(inv.session().database(inv.prompter()).settings());
		DriftReport report;
		try (Progress status = Progress.show(inv.out(),
				"drift: replaying the applied migrations in a scratch database, then comparing")) {
			report = inv.session().migrator(inv.prompter()).drift(connector, Cancellations.onCtrlC(inv));
		}
		ExitCode exit = switch (report.outcome()) {
			case NO_DRIFT -> ExitCode.OK;
			case DRIFT -> ExitCode.FAILED;
			case COULD_NOT_CHECK -> ExitCode.NOT_CHECKED;
		};
		if (inv.json()) {
			inv.out().json(report);
			return exit;
		}
		if (report.outcome() == DriftReport.Outcome.COULD_NOT_CHECK) {
			inv.out().error("drift could not check: " + report.problem().message(), report.problem().hint());
			return exit;
		}
		inv.out()
			.println("Replayed " + report.replayed().size() + " applied migration(s) in " + report.scratch()
					+ " and compared it with the live schema.");
		if (!report.prerequisites().isEmpty()) {
			inv.out()
				.println("Prepared first, because the live database has them and no migration creates them"
						+ " (prerequisites):");
			report.prerequisites().forEach(p -> inv.out().println(inv.out().style(Style.DIM, "  " + p)));
		}
		if (!report.orderDiffers().isEmpty()) {
			inv.out()
				.println(inv.out()
					.style(Style.DIM, "Column order differs (not drift): " + String.join(", ", report.orderDiffers())));
		}
		if (!report.hasDrift()) {
			inv.out()
				.println(inv.out().style(Style.GREEN, "✔") + " No drift: the database is what the migrations build.");
			return exit;
		}
		section(inv, "In the database, not in the migrations (made by hand):",
				report.ofKind(DriftItem.Kind.ONLY_IN_DATABASE), false);
		section(inv, "In the migrations, not in the database:", report.ofKind(DriftItem.Kind.ONLY_IN_MIGRATIONS),
				false);
		section(inv, "Changed by hand:", report.ofKind(DriftItem.Kind.CHANGED), true);
		inv.out()
			.println(inv.out().style(Style.BOLD_RED, "✖ Drift") + ": " + report.items().size()
					+ " difference(s). Write a migration that makes it deliberate, or undo the change by hand.");
		return exit;
	}

	private static void section(Invocation inv, String title, List<DriftItem> items, boolean bothSides) {
		if (items.isEmpty()) {
			return;
		}
		inv.out().println();
		inv.out().println(inv.out().style(Style.BOLD, title));
		for (DriftItem item : items) {
			if (bothSides) {
				inv.out().println("  " + item.describe().replaceFirst("^changed: ", ""));
				List<String> diff = item.diff();
				if (diff.isEmpty()) {
					ddl(inv, "in the database:   ", item.databaseDdl());
					ddl(inv, "in the migrations: ", item.migrationsDdl());
				}
				else {
					diff.forEach(line -> inv.out().println("      " + diffLine(inv, line)));
				}
			}
			else {
				inv.out().println("  " + item.type().label() + " " + item.name());
				ddl(inv, "",
						item.kind() == DriftItem.Kind.ONLY_IN_DATABASE ? item.databaseDdl() : item.migrationsDdl());
			}
		}
	}

	private static String diffLine(Invocation inv, String line) {
		if (line.startsWith("---") || line.startsWith("+++") || line.startsWith("@@")) {
			return inv.out().style(Style.DIM, line);
		}
		if (line.startsWith("-")) {
			return inv.out().style(Style.RED, line);
		}
		if (line.startsWith("+")) {
			return inv.out().style(Style.GREEN, line);
		}
		return line;
	}

	private static void ddl(Invocation inv, String label, List<String> statements) {
		String indent = "      ";
		for (String statement : statements) {
			String text = statement.replace("\n", "\n" + indent + " ".repeat(label.length()));
			inv.out().println(indent + inv.out().style(Style.DIM, label) + text + ";");
			label = " ".repeat(label.length());
		}
	}

}
