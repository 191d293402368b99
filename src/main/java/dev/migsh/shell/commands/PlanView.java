package dev.migsh.shell.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migsh.core.catalog.CatalogFinding;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.LockMode;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.plan.Planner;
import dev.migsh.shell.Output;
import dev.migsh.shell.Style;
import dev.migsh.shell.TextTable;
import dev.migsh.shell.render.ByteSize;

/**
 * A {@link MigrationPlan} for people (statements with their locks, table sizes, rewrites
 * and findings, then the tables touched and the fingerprint) and for {@code --json}.
 */
final class PlanView {

	/** The JSON shape of a plan: plain values only. */
	record Json(String target, int serverVersionNum, String fingerprint, List<JsonStep> migrations,
			List<JsonTable> tablesTouched, List<String> folderFindings) {
	}

	record JsonStep(String id, boolean repeatable, String why, boolean transactional, boolean rollback,
			List<String> rollbackDrops, String rollbackNote, List<JsonStatement> statements) {
	}

	record JsonStatement(int line, String sql, List<JsonLock> locks, boolean rewrite, boolean scan, String note,
			List<JsonFinding> findings) {
	}

	record JsonLock(String table, String mode, boolean exists, boolean createdByPlan, Long rowEstimate,
			Long sizeBytes) {
	}

	record JsonFinding(String rule, String severity, boolean dataLoss, boolean suppressed, String message,
			String safeAlternative) {
	}

	record JsonTable(String table, String strongestLock, long rowEstimate, long sizeBytes) {
	}

	private PlanView() {
	}

	static Json json(MigrationPlan plan) {
		List<JsonStep> steps = new ArrayList<>();
		for (MigrationPlan.Step step : plan.steps()) {
			List<JsonStatement> statements = new ArrayList<>();
			for (MigrationPlan.PlannedStatement s : step.statements()) {
				List<JsonLock> locks = s.tables()
					.stream()
					.map(t -> new JsonLock(t.table().toString(), t.mode().sqlName(), t.exists(), t.createdByPlan(),
							t.stats().map(x -> x.rowEstimate()).orElse(null),
							t.stats().map(x -> x.sizeBytes()).orElse(null)))
					.toList();
				List<JsonFinding> findings = s.findings()
					.stream()
					.map(f -> new JsonFinding(f.ruleId(), f.severity().name().toLowerCase(java.util.Locale.ROOT),
							f.dataLoss(), f.suppressed(), f.message(), f.safeAlternative()))
					.toList();
				statements.add(new JsonStatement(s.statement().line(), s.statement().sql(), locks, s.lock().rewrite(),
						s.lock().scan(), s.lock().note(), findings));
			}
			steps.add(new JsonStep(step.file().id(), step.file().isRepeatable(),
					step.file().isRepeatable() ? step.why() : null, step.file().up().transactional(),
					step.rollback().possible(), step.rollback().destroys().stream().map(d -> d.describe()).toList(),
					step.rollback().note(), statements));
		}
		List<JsonTable> tables = plan.touchedTables()
			.values()
			.stream()
			.map(t -> new JsonTable(t.stats().get().qualifiedName(), t.mode().sqlName(), t.stats().get().rowEstimate(),
					t.stats().get().sizeBytes()))
			.toList();
		return new Json(Planner.describe(plan.target()), plan.serverVersionNum(), plan.fingerprint().hash(), steps,
				tables, plan.folderFindings().stream().map(CatalogFinding::message).toList());
	}

	static void print(MigrationPlan plan, Output out) {
		print(plan, out, false);
	}

	/**
	 * The plan for people; without {@code full}, each line is cut to {@link #WIDTH}
	 * characters so that a big folder stays readable.
	 */
	static void print(MigrationPlan plan, Output out, boolean full) {
		Fit fit = text -> full ? text : cut(text, WIDTH);
		if (plan.isEmpty()) {
			out.println("Nothing to apply: no pending migrations.");
			return;
		}
		out.println(out.style(Style.BOLD,
				"Plan: " + plural(plan.steps().size(), "migration") + " (" + Planner.describe(plan.target())
						+ "), checked against PostgreSQL " + (plan.serverVersionNum() / 10000)));
		for (CatalogFinding f : plan.folderFindings()) {
			out.println(out.style(Style.YELLOW, fit.apply("⚠ " + f.message()
					+ (f.kind() == CatalogFinding.Kind.DUPLICATE_VERSION ? " (they run in name order)" : ""))));
		}
		for (MigrationPlan.Step step : plan.steps()) {
			out.println();
			Section up = step.file().up();
			String mode = up.isEmpty() ? "empty: records the migration, runs nothing"
					: up.transactional() ? "one transaction"
							: up.noTransactionReason().map(r -> "no transaction: " + r).orElse("no transaction");
			String rollback = step.rollback().possible()
					? "rollback: " + step.rollback().undoCommand().get()
							+ (step.rollback().destroys().isEmpty() ? ""
									: ", which drops " + String.join(", ",
											step.rollback().destroys().stream().map(d -> d.sqlName()).toList()))
					: step.rollback().repeatable() ? "repeatable, " + step.why() + "; never undone" : "no rollback";
			rollback = full ? rollback : cut(rollback, WIDTH - step.file().id().length() - mode.length() - 6);
			out.println(out.style(Style.BOLD, step.file().id()) + "  (" + mode + "; "
					+ (step.rollback().possible() ? rollback : out.style(Style.YELLOW, rollback)) + ")");
			int n = 0;
			for (MigrationPlan.PlannedStatement s : step.statements()) {
				n++;
				String sql = full ? s.statement().sql().replaceAll("\\s+", " ").strip()
						: RollbackView.oneLine(s.statement().sql());
				out.println(String.format("  %2d  ", n) + sql + ";");
				for (String lock : locks(s)) {
					out.println(out.style(Style.DIM, fit.apply("      " + lock)));
				}
				for (Finding f : s.findings()) {
					finding(f, out, fit);
				}
			}
		}
		out.println();
		Map<String, MigrationPlan.TableImpact> touched = plan.touchedTables();
		if (!touched.isEmpty()) {
			TextTable table = new TextTable("Existing table", "Strongest lock", "Blocks", "Rows (est.)", "Size")
				.alignRight(3)
				.alignRight(4);
			for (MigrationPlan.TableImpact t : touched.values()) {
				table.row(t.stats().get().qualifiedName(), t.mode().sqlName(), blocks(t.mode()),
						rows(t.stats().get().rowEstimate()), ByteSize.format(t.stats().get().sizeBytes()));
			}
			out.table(table);
			out.println();
		}
		List<Finding> all = plan.findings();
		long errors = all.stream().filter(Finding::blocking).count();
		long warnings = all.stream().filter(f -> f.severity() == Severity.WARNING && !f.suppressed()).count();
		long loss = plan.dataLossFindings().size();
		// a repeatable is never undone: it is not a migration missing its rollback
		long rollbacks = plan.steps()
			.stream()
			.filter(s -> !s.rollback().possible() && !s.rollback().repeatable())
			.count();
		out.println("Findings: " + plural((int) errors, "error") + ", " + plural((int) warnings, "warning")
				+ (loss == 0 ? "" : " (" + loss + " about data loss)") + "; "
				+ (rollbacks == 0 ? "every migration has a rollback"
						: plural((int) rollbacks, "migration") + " without a rollback"));
		List<String> destroying = plan.steps()
			.stream()
			.filter(s -> !s.rollback().destroys().isEmpty())
			.map(s -> s.file().id())
			.toList();
		if (!destroying.isEmpty()) {
			out.println(out.style(Style.YELLOW, fit
				.apply("Rollbacks that drop data (undo keeps it in migsh_trash): " + String.join(", ", destroying))));
		}
		out.println("Plan fingerprint " + out.style(Style.BOLD, plan.fingerprint().hash())
				+ ": apply in this session refuses if the files, the history or these catalog facts change.");
	}

	private static List<String> locks(MigrationPlan.PlannedStatement s) {
		List<String> lines = new ArrayList<>();
		for (MigrationPlan.TableImpact t : s.tables()) {
			String table = t.table().toString();
			String facts = t.stats()
				.map(x -> (x.rowEstimate() < 0 ? "never analyzed" : rows(x.rowEstimate()) + " rows") + ", "
						+ ByteSize.format(x.sizeBytes()))
				.orElse(t.createdByPlan() ? "created by the plan" : "does not exist");
			String effect = t.exists() ? blocks(t.mode()) : "";
			lines.add("lock " + t.mode().sqlName() + " on " + table + " (" + facts + ")"
					+ (effect.isEmpty() || effect.equals("nothing") ? "" : ", blocks " + effect));
		}
		List<String> extra = new ArrayList<>();
		if (s.lock().rewrite()) {
			extra.add("rewrites the table");
		}
		else if (s.lock().scan()) {
			extra.add("scans the table");
		}
		if (!s.lock().note().isBlank() && !s.lock().note().equals("new table")) {
			extra.add(s.lock().note());
		}
		if (!extra.isEmpty()) {
			if (lines.isEmpty()) {
				lines.add(String.join("; ", extra));
			}
			else {
				lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "; " + String.join("; ", extra));
			}
		}
		return lines;
	}

	/** Cuts a line to the width, or keeps it whole with {@code --full}. */
	@FunctionalInterface
	interface Fit {

		String apply(String line);

	}

	/** The longest line {@code plan} prints without {@code --full}. */
	static final int WIDTH = 160;

	/** The text, or its first {@code width - 3} characters and "...". */
	static String cut(String text, int width) {
		return text.length() <= width ? text : text.substring(0, Math.max(0, width - 3)) + "...";
	}

	private static void finding(Finding f, Output out, Fit fit) {
		Style style = f.suppressed() ? Style.DIM : (f.severity() == Severity.ERROR ? Style.BOLD_RED
				: f.severity() == Severity.WARNING ? Style.YELLOW : Style.DIM);
		String symbol = f.severity() == Severity.ERROR ? "✖" : f.severity() == Severity.WARNING ? "⚠" : "ℹ";
		out.println("      " + out.style(style, fit.apply(symbol + " " + f.ruleId() + " " + f.message()
				+ (f.suppressed() ? " (allowed: " + f.suppressionReason() + ")" : ""))));
		if (!f.suppressed() && f.safeAlternative() != null && !f.safeAlternative().isBlank()) {
			out.println(out.style(Style.DIM, fit.apply("        safer: " + RollbackView.oneLine(f.safeAlternative()))));
		}
	}

	static String blocks(LockMode mode) {
		return mode.blocksReads() ? "reads and writes" : mode.blocksWrites() ? "writes" : "nothing";
	}

	private static String rows(long estimate) {
		return estimate < 0 ? "?" : String.format("%,d", estimate);
	}

	static String plural(int n, String word) {
		return n + " " + word + (n == 1 ? "" : "s");
	}

}
