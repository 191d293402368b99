package dev.migsh.shell.commands;

import dev.migsh.core.apply.Trash;
import dev.migsh.core.apply.TrashEntry;
import dev.migsh.core.apply.UndoResult;
import dev.migsh.core.apply.UndoneMigration;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.safety.DataLossEstimate;
import dev.migsh.core.safety.UndoPreview;
import dev.migsh.shell.Output;
import dev.migsh.shell.Style;

/**
 * {@code undo --dry-run}'s preview, and after an undo the data kept in the trash with its
 * restore SQL.
 */
final class UndoPreviewView {

	private UndoPreviewView() {
	}

	static void print(UndoPreview preview, Output out) {
		for (UndoPreview.Step step : preview.steps()) {
			out.println(out.style(Style.BOLD, "undo " + step.file().id()) + "  ("
					+ (step.transactional() ? "one transaction" : "no transaction") + ")");
			for (SqlStatement s : step.statements()) {
				out.println("    " + RollbackView.oneLine(s.sql()) + ";");
			}
			for (Finding f : step.findings()) {
				Style style = f.severity() == Severity.ERROR ? Style.BOLD_RED : Style.YELLOW;
				out.println("    " + out.style(style,
						(f.severity() == Severity.ERROR ? "✖ " : "⚠ ") + f.ruleId() + " " + f.message()));
			}
			if (step.losses().isEmpty()) {
				out.println(out.style(Style.GREEN, "    destroys no table or column data"));
			}
			else {
				out.println(out.style(Style.YELLOW, "    it would destroy, measured now:"));
				for (DataLossEstimate loss : step.losses()) {
					out.println("      " + loss.describe());
				}
			}
		}
		if (preview.losesData()) {
			out.println(out.style(Style.DIM, "Undo keeps dropped tables and columns in " + Trash.SCHEMA
					+ " first and prints the SQL that restores them."));
		}
	}

	static void printKept(UndoResult result, Output out) {
		for (UndoneMigration undone : result.undone()) {
			for (TrashEntry e : undone.trashed()) {
				out.println(out.style(Style.YELLOW,
						"Kept " + String.format("%,d", e.rows()) + " rows of " + e.kind().word() + " " + e.source()
								+ " in " + Trash.SCHEMA + "." + e.trashTable() + ". To restore, apply " + undone.id()
								+ " again, then run:"));
				e.restoreSql().lines().forEach(l -> out.println("  " + l));
			}
		}
	}

}
