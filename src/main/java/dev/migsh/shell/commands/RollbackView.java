package dev.migsh.shell.commands;

import java.util.regex.Pattern;

import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.RollbackInstructions;
import dev.migsh.core.plan.WayBack;
import dev.migsh.shell.Output;
import dev.migsh.shell.Style;

/** The rollback instructions printed after each applied migration and by {@code show}. */
final class RollbackView {

	private RollbackView() {
	}

	static void print(RollbackInstructions r, Output out) {
		if (!r.possible()) {
			out.println(out.style(Style.YELLOW, "  Rollback: " + r.note()));
			return;
		}
		out.println("  Rollback: " + out.style(Style.BOLD, r.undoCommand().orElse("undo")) + "   (preview: "
				+ r.undoCommand().orElse("undo") + " --dry-run)");
		for (SqlStatement s : r.downStatements()) {
			out.println(out.style(Style.DIM, "    " + oneLine(s.sql()) + ";"));
		}
		if (!r.destroys().isEmpty()) {
			out.println(out.style(Style.YELLOW, "    it would destroy: "
					+ String.join(", ", r.destroys().stream().map(DbObject::describe).toList())));
		}
		if (r.note() != null && !r.note().isBlank()) {
			out.println(out.style(Style.DIM, "    " + r.note()));
		}
	}

	/**
	 * After an apply: the way back for the whole run, then (when more than one ran) the
	 * last migration's own rollback, the only one that runs alone as printed.
	 */
	static void printWayBack(WayBack way, Output out) {
		if (way.command().isEmpty()) {
			out.println(out.style(Style.YELLOW, "Way back: " + way.note()));
			if (way.last().possible()) {
				out.println("  The last one alone: " + out.style(Style.BOLD, way.last().undoCommand().get()));
			}
			return;
		}
		if (way.note().isEmpty()) {
			print(way.last(), out);
			return;
		}
		String command = way.command().get();
		out.println("Way back: " + out.style(Style.BOLD, command) + "   (preview: " + command + " --dry-run; "
				+ way.note() + ")");
		out.println("  The last one alone: " + out.style(Style.BOLD, way.last().undoCommand().get()));
	}

	private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*--.*$");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	static String oneLine(String sql) {
		// compiled once: a plan of 10,000 statements shows each on one line
		String s = SPACES.matcher(LINE_COMMENT.matcher(sql).replaceAll("")).replaceAll(" ").strip();
		return s.length() > 160 ? s.substring(0, 157) + "..." : s;
	}

}
