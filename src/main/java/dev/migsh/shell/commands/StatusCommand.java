package dev.migsh.shell.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.MigshException;
import dev.migsh.core.history.HistoryHealth;
import dev.migsh.core.catalog.CatalogFinding;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.plan.FailedRun;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;
import dev.migsh.shell.TextTable;

/** {@code status}: every migration with its state, and one summary line. */
@Component
public class StatusCommand extends MigshCommand {

	public StatusCommand() {
		super(CommandSpec.builder("status")
			.group("Migrations")
			.description(
					"Every migration with its state: applied, pending, failed, changed, missing, out-of-order, marked, baseline;"
							+ " a repeatable's: pending, applied, outdated")
			.option(OptionSpec.flag("json", "print JSON"))
			.build());
	}

	/** One row as JSON shows it. */
	public record Row(String id, String version, String name, String state, boolean repeatable, String detail,
			String appliedAt, String appliedBy, Long durationMs) {
	}

	@Override
	public ExitCode run(Invocation inv) {
		Migrator migrator = inv.session().migrator(inv.prompter());
		HistoryHealth health = migrator.historyHealth();
		StatusReport report;
		try {
			report = migrator.status();
		}
		catch (MigshException ex) {
			if (!health.damaged()) {
				throw ex;
			}
			report = null;
		}
		ExitCode exit = health.damaged() ? ExitCode.FAILED : ExitCode.OK;
		if (report == null) {
			if (inv.json()) {
				inv.out().json(Map.of("damage", damage(health)));
			}
			else {
				printDamage(inv, migrator, health, true);
			}
			return exit;
		}
		if (inv.json()) {
			List<Row> rows = report.rows().stream().map(StatusCommand::row).toList();
			Map<String, Object> json = new LinkedHashMap<>();
			if (health.damaged()) {
				json.put("damage", damage(health));
			}
			json.put("migrations", rows);
			Map<String, Integer> counts = new LinkedHashMap<>();
			report.counts().forEach((k, v) -> counts.put(MigrationStyles.word(k), v));
			json.put("counts", counts);
			json.put("findings", report.findings().stream().map(CatalogFinding::message).toList());
			inv.out().json(json);
			return exit;
		}
		printDamage(inv, migrator, health, false);
		if (report.rows().isEmpty()) {
			inv.out().println("No migrations in " + inv.session().migrationsDir() + ". Create one with: new NAME");
			return ExitCode.OK;
		}
		TextTable table = new TextTable("Migration", "State", "Applied at", "By", "Detail");
		for (MigrationStatus s : report.rows()) {
			Row r = row(s);
			table.row(s.id(), new TextTable.Cell(MigrationStyles.word(s), MigrationStyles.style(s.state())),
					r.appliedAt() == null ? "" : r.appliedAt(), r.appliedBy() == null ? "" : r.appliedBy(), detail(s));
		}
		inv.out().table(table);
		for (MigrationStatus failed : report.inState(MigrationState.FAILED)) {
			failed.applied()
				.flatMap(a -> FailedRun.of(a, failed.file()))
				.ifPresent(run -> inv.out().warn(failed.id() + " failed: " + run.wayOut()));
		}
		for (CatalogFinding f : report.findings()) {
			inv.out().warn(f.message());
		}
		if (health.fresh()) {
			warnLostSchema(inv, migrator, report);
		}
		inv.out().println(summary(report, inv));
		return exit;
	}

	/**
	 * No history at all, yet objects pending migrations create exist: perhaps the whole
	 * history schema was dropped (audit included), so nothing records what ran.
	 */
	private static void warnLostSchema(Invocation inv, Migrator migrator, StatusReport report) {
		List<String> pending = report.inState(MigrationState.PENDING).stream().map(MigrationStatus::id).toList();
		if (pending.isEmpty()) {
			return;
		}
		List<String> found;
		try {
			found = migrator.checkMarkApplied(pending)
				.stream()
				.filter(r -> !r.existing().isEmpty())
				.map(r -> r.id() + " (" + r.existing().size() + " of its objects)")
				.toList();
		}
		catch (MigshException ex) {
			return;
		}
		if (!found.isEmpty()) {
			inv.out()
				.warn("No history in schema " + migrator.config().historySchema()
						+ ", but objects pending migrations create exist: "
						+ String.join(", ", found.stream().limit(5).toList()) + (found.size() > 5 ? ", …" : "")
						+ ". If the history was lost (its schema dropped), record each migration that ran with"
						+ " `mark-applied ID` (it checks the objects) before `apply`; data changes cannot be checked.");
		}
	}

	private static List<Map<String, String>> damage(HistoryHealth health) {
		return health.damages().stream().map(d -> Map.of("what", d.what(), "fix", d.fix())).toList();
	}

	/**
	 * The damage first, before a table that may be built on it; {@code unreadable}: the
	 * rows could not be read at all.
	 */
	private static void printDamage(Invocation inv, Migrator migrator, HistoryHealth health, boolean unreadable) {
		if (!health.damaged()) {
			return;
		}
		String schema = migrator.config().historySchema();
		inv.out()
			.println(inv.out()
				.style(Style.BOLD_RED, "✖ The history in schema " + schema + " is damaged; every change is refused"
						+ " until it is fixed" + (unreadable ? " (the migrations cannot be listed)" : "") + ":"));
		for (HistoryHealth.Damage d : health.damages()) {
			inv.out().println(inv.out().style(Style.RED, "  ✖ ") + d.what());
			inv.out().println(inv.out().style(Style.YELLOW, "    fix: ") + d.fix());
		}
		if (!unreadable) {
			inv.out().println(inv.out().style(Style.DIM, "  The table below reads the history as it is now."));
		}
	}

	static String summary(StatusReport report, Invocation inv) {
		List<String> parts = new ArrayList<>();
		for (MigrationState state : MigrationState.values()) {
			int n = report.count(state);
			if (n > 0) {
				parts.add(n + " " + MigrationStyles.word(state));
			}
		}
		String text = report.rows().size() + " migrations: " + String.join(", ", parts);
		boolean trouble = report.count(MigrationState.FAILED) + report.count(MigrationState.CHANGED)
				+ report.count(MigrationState.MISSING) > 0;
		return inv.out().style(trouble ? Style.BOLD_RED : Style.BOLD, text) + (trouble ? " — see 'show ID'"
				+ (report.count(MigrationState.CHANGED) > 0 ? "; 'repair' accepts an edited file" : "")
				+ (report.count(MigrationState.FAILED) > 0 ? "; the ⚠ lines name the ways out of a failure" : "") : "");
	}

	// an empty migration is valid but worth a word: it records a version and runs nothing
	private static String detail(MigrationStatus s) {
		String detail = (s.detail() == null) ? "" : s.detail();
		boolean empty = s.file().map(MigrationFile::isEmpty).orElse(false);
		if (!empty) {
			return detail;
		}
		return detail.isEmpty() ? "empty (no statement)" : detail + "; empty (no statement)";
	}

	private static Row row(MigrationStatus s) {
		return new Row(s.id(), s.version(), s.name(), MigrationStyles.word(s.state()), s.isRepeatable(), s.detail(),
				s.applied().map(a -> MigrationStyles.time(a.appliedAt())).orElse(null),
				s.applied().map(a -> a.dbUser() + " (" + a.operator() + ")").orElse(null),
				s.applied().map(a -> a.executionMs()).orElse(null));
	}

}
