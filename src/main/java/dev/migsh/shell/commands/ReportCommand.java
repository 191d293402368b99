package dev.migsh.shell.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.UsageException;
import dev.migsh.core.catalog.CatalogFinding;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationDirectory;
import dev.migsh.core.lint.LintContext;
import dev.migsh.core.plan.SafetyReport;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.Json;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;
import dev.migsh.shell.TextTable;
import dev.migsh.shell.render.SarifLog;

/**
 * {@code report}: the safety report over every migration in the folder (the seed's report
 * as a command): up, down and lock risk per migration, the data undo would destroy,
 * duplicate versions and duplicate creates, and a verdict per command. Reads files only.
 */
@Component
public class ReportCommand extends MigshCommand {

	/** The widest table cell without {@code --full}. */
	static final int CELL_WIDTH = 70;

	private static final java.util.Set<String> FORMATS = java.util.Set.of("text", "json", "sarif");

	/** The rules' default server when no session is open: the version the tests run. */
	static final int DEFAULT_SERVER_VERSION = 170000;

	public ReportCommand() {
		super(CommandSpec.builder("report")
			.group("Migrations")
			.description("Safety report over all migrations: data loss of every up and down, locks, duplicates")
			.option(OptionSpec.flag("json", "print JSON (the same as --format json)"))
			.option(OptionSpec.value("format", "text|json|sarif",
					"text (the default), json, or sarif: SARIF 2.1.0 for code-scanning tools"))
			.option(OptionSpec.value("output", "FILE", "write the json or sarif report to FILE instead of printing it"))
			.option(OptionSpec.flag("full", "print long cells and lines whole"))
			.build());
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	@Override
	public ExitCode run(Invocation inv) {
		String format = format(inv);
		Optional<Path> output = inv.args().value("output").map(f -> inv.session().workingDir().resolve(f));
		if (output.isPresent() && format.equals("text")) {
			throw new UsageException("report: --output writes the json or sarif form",
					"add --format sarif or --format json, or leave out --output to print the report");
		}
		MigrationCatalog catalog = MigrationDirectory.read(inv.session().migrationsDir(), inv.session().placeholders());
		Optional<Integer> server = serverVersion(inv);
		SafetyReport report = SafetyReport.of(catalog, server.orElse(DEFAULT_SERVER_VERSION));
		Object machine = switch (format) {
			case "json" -> json(report);
			case "sarif" -> SarifLog.of(report, catalog, inv.session().workingDir(), version());
			default -> null;
		};
		if (machine == null) {
			print(report, catalog, inv);
		}
		else if (output.isPresent()) {
			write(output.get(), Json.write(machine) + "\n");
			inv.out()
				.println("Wrote the " + format + " report (" + report.migrations().size() + " migrations, "
						+ report.migrations().stream().mapToInt(m -> m.findings().size()).sum() + " findings, "
						+ report.overall() + ") to " + output.get());
		}
		else {
			inv.out().json(machine);
		}
		return ExitCode.OK;
	}

	private static String format(Invocation inv) {
		Optional<String> given = inv.args().value("format").map(f -> f.strip().toLowerCase(java.util.Locale.ROOT));
		if (given.isPresent() && !FORMATS.contains(given.get())) {
			throw new UsageException("report: unknown format '" + inv.args().value("format").get() + "'",
					"use --format text, --format json or --format sarif");
		}
		if (given.isPresent() && inv.args().flag("json") && !given.get().equals("json")) {
			throw new UsageException("report: --json and --format " + given.get() + " disagree",
					"give one of them: --format " + given.get() + " or --json");
		}
		return given.orElse(inv.json() ? "json" : "text");
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new MigshException("Could not write " + file + ": " + ex.getMessage(),
					"Check that the folder exists and is writable, or pass another --output FILE.", ex);
		}
	}

	/**
	 * This build's version, from the jar's manifest; "development" when run from classes.
	 */
	static String version() {
		String version = ReportCommand.class.getPackage().getImplementationVersion();
		return version == null ? "development" : version;
	}

	/**
	 * The version of the server the session is on, connecting first when a URL was given
	 * (report itself needs no database, but its rules depend on the version).
	 */
	private static Optional<Integer> serverVersion(Invocation inv) {
		if (!inv.session().connected() && configuredUrl(inv)) {
			try {
				inv.session().database(inv.prompter());
			}
			catch (MigshException ex) {
				return Optional.empty();
			}
		}
		return inv.session().currentDatabase().map(db -> db.serverInfo().versionNum());
	}

	private static boolean configuredUrl(Invocation inv) {
		Map<String, String> env = inv.session().environmentVariables();
		return inv.session().launch().url() != null || env.containsKey("MIGSH_URL") || env.containsKey("DATABASE_URL");
	}

	record JsonMigration(String id, String up, String upDetail, String down, String downDetail, String locks,
			String lockDetail) {
	}

	record JsonReport(String status, int serverVersionNum, List<JsonMigration> migrations,
			List<SafetyReport.Verdict> verdicts, List<List<String>> duplicateVersions,
			List<SafetyReport.DuplicateCreate> duplicateCreates) {
	}

	private static JsonReport json(SafetyReport report) {
		List<JsonMigration> migrations = report.migrations()
			.stream()
			.map(m -> new JsonMigration(m.id(), m.up().word(), m.upDetail(), m.down().word(), m.downDetail(),
					m.lock().word(), m.lockDetail()))
			.toList();
		return new JsonReport(report.overall(), report.serverVersionNum(), migrations, report.verdicts(),
				report.duplicateVersions().stream().map(CatalogFinding::ids).toList(), report.duplicateCreates());
	}

	private static void print(SafetyReport report, MigrationCatalog catalog, Invocation inv) {
		var out = inv.out();
		boolean full = inv.args().flag("full");
		int cells = full ? 0 : CELL_WIDTH;
		String rules = inv.session().connected()
				? "rules for PostgreSQL " + LintContext.forServer(report.serverVersionNum()).majorVersion()
				: "rules for PostgreSQL " + DEFAULT_SERVER_VERSION / 10000 + ": not connected, so the newest supported";
		out.println(out.style(Style.BOLD, "Safety report: " + report.migrations().size() + " migrations in "
				+ catalog.directory() + " (" + rules + ")"));
		String overall = report.overall();
		Style style = switch (overall) {
			case "SAFE" -> Style.BOLD_GREEN;
			case "MOSTLY SAFE" -> Style.BOLD_YELLOW;
			default -> Style.BOLD_RED;
		};
		out.println("Data safety: " + out.style(style, overall));
		out.println();
		TextTable table = new TextTable("Migration", "Up", "Down", "Locks on existing tables").limitCells(cells);
		for (SafetyReport.MigrationRisk m : report.migrations()) {
			String up = m.up().word()
					+ (m.upDetail().isEmpty() || m.up() == SafetyReport.UpRisk.NONE ? "" : " (" + m.upDetail() + ")");
			table.row(m.id(),
					cell(up, m.up() == SafetyReport.UpRisk.NONE ? null
							: m.up() == SafetyReport.UpRisk.DATA_LOSS ? Style.BOLD_RED : Style.YELLOW),
					cell(m.down().word(),
							m.down() == SafetyReport.DownRisk.DATA_LOSS ? Style.BOLD_RED
									: m.down() == SafetyReport.DownRisk.MISSING ? Style.YELLOW : null),
					m.lockDetail().isEmpty() ? m.lock().word() : m.lock().word() + " (" + m.lockDetail() + ")");
		}
		out.table(table);
		out.println();
		List<String> lines = new ArrayList<>();
		report.migrations()
			.stream()
			.filter(m -> m.up() == SafetyReport.UpRisk.DATA_LOSS || m.up() == SafetyReport.UpRisk.POSSIBLE_DATA_LOSS)
			.forEach(m -> lines.add("  up   " + m.id() + ": " + m.up().word() + " (" + m.upDetail() + ")"));
		report.migrations()
			.stream()
			.filter(m -> m.down() == SafetyReport.DownRisk.DATA_LOSS)
			.forEach(m -> lines.add("  down " + m.id() + ": " + m.downDetail()));
		section(out, "Data loss",
				full ? lines : lines.stream().map(line -> PlanView.cut(line, PlanView.WIDTH)).toList(), "none");
		section(out, "Duplicate versions",
				report.duplicateVersions()
					.stream()
					.map(d -> "  " + (full ? d.message() : PlanView.cut(d.message(), PlanView.WIDTH)))
					.toList(),
				"none");
		section(out, "Tables created by more than one file",
				report.duplicateCreates()
					.stream()
					.map(d -> "  " + d.table() + ": " + String.join(", ", d.ids()))
					.toList(),
				"none");
		long missing = report.migrations().stream().filter(m -> m.down() == SafetyReport.DownRisk.MISSING).count();
		long disabled = report.migrations().stream().filter(m -> m.down() == SafetyReport.DownRisk.DISABLED).count();
		out.println("Rollbacks: " + missing + " without a down section, " + disabled
				+ " with an empty one (undo refuses the first; the second only removes the history row; both keep"
				+ " the data).");
		out.println();
		out.println(out.style(Style.BOLD, "Verdict"));
		TextTable verdicts = new TextTable("Command", "Data loss risk", "Safe?").limitCells(cells);
		for (SafetyReport.Verdict v : report.verdicts()) {
			verdicts.row(v.scenario(), v.dataLossRisk(), switch (v.safe()) {
				case YES -> cell("✔ yes", Style.GREEN);
				case USUALLY -> cell("⚠ usually", Style.YELLOW);
				case NO -> cell("✖ no", Style.BOLD_RED);
			});
		}
		out.table(verdicts);
	}

	private static void section(dev.migsh.shell.Output out, String title, List<String> lines, String none) {
		if (lines.isEmpty()) {
			out.println(title + ": " + none);
		}
		else {
			out.println(out.style(Style.BOLD, title));
			out.lines(lines);
		}
	}

	private static TextTable.Cell cell(String text, Style style) {
		return new TextTable.Cell(text, style);
	}

}
