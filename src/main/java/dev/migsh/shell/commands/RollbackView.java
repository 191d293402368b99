package dev.migsh.shell.commands;

import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.RollbackInstructions;
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

	static String oneLine(String sql) {
		String s = sql.replaceAll("(?m)^\\s*--.*$", "").replaceAll("\\s+", " ").strip();
		return s.length() > 160 ? s.substring(0, 157) + "..." : s;
	}

}
