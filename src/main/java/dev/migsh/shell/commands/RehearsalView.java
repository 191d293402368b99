package dev.migsh.shell.commands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.LockMode;
import dev.migsh.core.rehearse.MigrationRehearsal;
import dev.migsh.core.rehearse.ObservedLock;
import dev.migsh.core.rehearse.ObservedStatement;
import dev.migsh.core.rehearse.RehearsalReport;
import dev.migsh.core.rehearse.RoundTrip;
import dev.migsh.core.rehearse.WorstLock;
import dev.migsh.shell.Durations;
import dev.migsh.shell.Output;
import dev.migsh.shell.Style;
import dev.migsh.shell.TextTable;
import dev.migsh.shell.render.ByteSize;

/**
 * A {@link RehearsalReport} for people: a compact table per migration (statement, lock,
 * what it blocks, rewrite, time on the copy, estimated time live), what disagrees with
 * the rules, the way back, the worst lock and the verdict; the same as Markdown for a
 * change ticket.
 */
final class RehearsalView {

	private static final int SQL_WIDTH = 60;

	private RehearsalView() {
	}

	static void print(RehearsalReport report, Output out) {
		out.println(intro(report));
		report.copy().skipped().forEach((s) -> out.println(out.style(Style.DIM, "  not copied: " + s)));
		report.copy().notes().forEach((s) -> out.println(out.style(Style.DIM, "  " + s)));
		for (MigrationRehearsal m : report.migrations()) {
			out.println();
			out.println(out.style(Style.BOLD, m.id()) + "  " + outcome(m));
			if (!m.statements().isEmpty()) {
				TextTable table = new TextTable("#", "statement", "lock", "blocks", "rewrite", "on copy", "est. live")
					.alignRight(0)
					.alignRight(5)
					.alignRight(6);
				for (ObservedStatement s : m.statements()) {
					table.row(s.index(), oneLine(s.sql(), SQL_WIDTH), lock(s),
							(s.inTransaction() || !s.locks().isEmpty()) ? s.blocks() : "", rewrite(s),
							Durations.format(s.onCopy()), live(s));
				}
				out.table(table);
			}
			details(m).forEach((line) -> out.println("  " + line));
			m.failure().ifPresent((f) -> out.error(f.message(), f.hint()));
		}
		out.println();
		summary(report).forEach(out::println);
	}

	static String markdown(RehearsalReport report) {
		StringBuilder md = new StringBuilder("# Rehearsal\n\n").append(intro(report)).append("\n\n");
		report.copy().skipped().forEach((s) -> md.append("- not copied: ").append(s).append('\n'));
		report.copy().notes().forEach((s) -> md.append("- ").append(s).append('\n'));
		for (MigrationRehearsal m : report.migrations()) {
			md.append("\n## ").append(m.id()).append("\n\n").append(outcome(m)).append("\n\n");
			if (!m.statements().isEmpty()) {
				md.append("| # | statement | lock | blocks | rewrite | on copy | est. live |\n");
				md.append("|---:|---|---|---|---|---:|---:|\n");
				for (ObservedStatement s : m.statements()) {
					md.append("| ")
						.append(s.index())
						.append(" | `")
						.append(oneLine(s.sql(), 120).replace("|", "\\|").replace("`", "'"))
						.append("` | ")
						.append(lock(s))
						.append(" | ")
						.append((s.inTransaction() || !s.locks().isEmpty()) ? s.blocks() : "")
						.append(" | ")
						.append(rewrite(s))
						.append(" | ")
						.append(Durations.format(s.onCopy()))
						.append(" | ")
						.append(live(s))
						.append(" |\n");
				}
				md.append('\n');
			}
			details(m).forEach((line) -> md.append("- ").append(line).append('\n'));
			m.failure()
				.ifPresent((f) -> md.append("- **Error:** ")
					.append(f.message())
					.append("\n- **Hint:** ")
					.append(f.hint())
					.append('\n'));
		}
		md.append("\n## Summary\n\n");
		summary(report).forEach((line) -> md.append("- ").append(line).append('\n'));
		return md.toString();
	}

	private static String intro(RehearsalReport report) {
		long rows = report.copy().tables().stream().mapToLong((t) -> t.copied()).sum();
		return "Rehearsed " + report.migrations().size() + " pending migration(s) on a copy of the live database ("
				+ report.copy().scratch() + "; " + report.copy().tables().size() + " table(s), up to "
				+ report.copy().rowsPerTable() + " rows each, " + rows + " rows in all) in "
				+ Durations.format(report.took()) + "; the copy is dropped and the live database was only read.";
	}

	private static String outcome(MigrationRehearsal m) {
		return switch (m.outcome()) {
			case REHEARSED ->
				"✔ ran on the copy in " + Durations.format(m.onCopy()) + "; way back: " + wayBack(m.roundTrip());
			case FAILED -> "✖ failed on the copy: apply would fail the same way";
			case NOT_RUN -> "not run: an earlier migration failed";
		};
	}

	private static String wayBack(RoundTrip trip) {
		return switch (trip.outcome()) {
			case PROVEN -> "✔ up → down → up leaves the schema identical";
			case DIFFERS -> "✖ up → down → up leaves another schema (" + trip.differences().size() + " difference(s))";
			case NO_DOWN -> "no down section";
			case EMPTY_DOWN -> "empty down section (undo only forgets the history row)";
			case FAILED -> "✖ " + trip.problem();
			case NOT_RUN -> "not tried";
		};
	}

	private static List<String> details(MigrationRehearsal m) {
		List<String> lines = new ArrayList<>();
		for (ObservedStatement s : m.statements()) {
			s.disagreements().forEach((d) -> lines.add("⚠ statement " + s.index() + ": " + d));
			if (s.estimate().basis().startsWith("×") || s.estimate().duration().isEmpty()) {
				lines.add("estimate " + s.index() + ": " + s.estimate().basis());
			}
		}
		m.roundTrip().differences().forEach((d) -> lines.add("✖ " + d));
		m.invalidIndexes().forEach((i) -> lines.add("⚠ leaves index " + i + " INVALID"));
		m.notValidConstraints().forEach((c) -> lines.add("⚠ leaves constraint " + c + " NOT VALID"));
		return lines;
	}

	private static List<String> summary(RehearsalReport report) {
		List<String> lines = new ArrayList<>();
		report.worstLock().ifPresent((w) -> lines.add(worst(w)));
		long proven = count(report, RoundTrip.Outcome.PROVEN);
		long noDown = count(report, RoundTrip.Outcome.NO_DOWN) + count(report, RoundTrip.Outcome.EMPTY_DOWN);
		lines.add("Way back: " + proven + " migration(s) proven (up → down → up leaves the schema identical), " + noDown
				+ " without a down that undoes them" + (report.wayBackProven() ? "." : "; ✖ some did not come back."));
		List<String> disagreements = report.disagreements();
		lines.add(disagreements.isEmpty() ? "Rules and copy agree on every statement's lock and rewrite."
				: "Rules and copy disagree on " + disagreements.size() + " point(s) (⚠ above): the copy is right.");
		Optional<MigrationRehearsal> failed = report.failed();
		lines.add(failed.map((f) -> "✖ " + f.id() + " failed on the copy; fix it before apply.")
			.orElse(report.wayBackProven() ? "✔ Rehearsed: every pending migration ran on the copy."
					: "✖ Rehearsed, but the way back is not proven."));
		return lines;
	}

	/**
	 * The rehearsal's verdict as a pre-flight line, for an apply of the plan it
	 * rehearsed.
	 */
	static String verdict(RehearsalReport report, Output out) {
		String label = String.format("%-19s", "rehearsal");
		Optional<MigrationRehearsal> failed = report.failed();
		if (failed.isPresent()) {
			String where = failed.get().failure().map((f) -> " (" + f.location() + ")").orElse("");
			return out.style(Style.BOLD_RED, "✖") + " " + label + "failed on the copy at " + failed.get().id() + where
					+ ": apply would fail the same way";
		}
		return out.style(Style.GREEN, "✔") + " " + label + "this plan was rehearsed in this session: "
				+ report.migrations().size() + " migration(s) ran on the copy"
				+ (report.wayBackProven() ? ", way back proven" : ", ✖ way back not proven");
	}

	private static String worst(WorstLock w) {
		return "Worst lock: " + w.mode().sqlName() + " on " + w.relation() + " (blocks " + w.blocks() + "), taken by "
				+ w.migration() + " statement " + w.statement() + ", held " + Durations.format(w.heldOnCopy())
				+ " on the copy" + w.heldLive().map((d) -> ", ≈ " + Durations.format(d) + " live (estimate)").orElse("")
				+ " until COMMIT.";
	}

	private static long count(RehearsalReport report, RoundTrip.Outcome outcome) {
		return report.migrations().stream().filter((m) -> m.roundTrip().outcome() == outcome).count();
	}

	private static String lock(ObservedStatement s) {
		if (!s.inTransaction() && s.locks().isEmpty()) {
			return "not observed (no transaction)";
		}
		List<ObservedLock> tables = s.locks().stream().filter((l) -> !l.index()).toList();
		if (tables.isEmpty()) {
			List<ObservedLock> held = s.held().stream().filter((l) -> !l.index()).toList();
			return held.isEmpty() ? "none" : "held: " + held.get(0).mode().sqlName() + " " + held.get(0).relation();
		}
		LockMode strongest = s.strongestLock();
		List<String> on = tables.stream().filter((l) -> l.mode() == strongest).map(ObservedLock::relation).toList();
		String text = strongest.sqlName() + " " + on.get(0);
		long more = tables.stream().map(ObservedLock::relation).distinct().count() - 1;
		return (more > 0) ? text + " +" + more : text;
	}

	private static String rewrite(ObservedStatement s) {
		if (s.rewritten().isEmpty()) {
			return s.rebuiltIndexes().isEmpty() ? "none" : "index " + String.join(", ", s.rebuiltIndexes());
		}
		return String.join(", ", s.rewritten()) + " (" + ByteSize.format(s.bytesWritten()) + ")";
	}

	private static String live(ObservedStatement s) {
		Optional<Duration> live = s.estimate().duration();
		if (live.isEmpty()) {
			return "?";
		}
		return s.estimate().basis().startsWith("×") ? "≈ " + Durations.format(live.get()) : "as on copy";
	}

	private static String oneLine(String sql, int width) {
		String line = sql.strip().replaceAll("\\s+", " ");
		return (line.length() > width) ? line.substring(0, width - 1) + "…" : line;
	}

}
