package dev.migsh.shell.commands;

import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.PreflightReport;
import dev.migsh.shell.Output;
import dev.migsh.shell.Style;

/**
 * The pre-flight checks as {@code apply} prints them: ✔ ⚠ ✖, the check's name and one
 * line, then the hint.
 */
final class PreflightView {

	private PreflightView() {
	}

	static void print(PreflightReport report, Output out) {
		out.println(out.style(Style.BOLD, "Pre-flight checks"));
		int width = report.results().stream().mapToInt(r -> r.name().length()).max().orElse(0);
		for (CheckResult r : report.results()) {
			Style style = switch (r.status()) {
				case OK -> Style.GREEN;
				case WARN -> Style.YELLOW;
				case FAIL -> Style.BOLD_RED;
			};
			out.println("  " + out.style(style, r.status().symbol()) + " " + pad(r.name(), width) + "  " + r.line());
			if (r.status() != CheckResult.Status.OK && !r.hint().isBlank()) {
				out.println(out.style(Style.DIM, "    " + " ".repeat(width + 2) + "→ " + r.hint()));
			}
		}
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

}
