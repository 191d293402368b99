package dev.migsh.shell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A text grid in psql's aligned format: a centred header, a {@code ---+---} rule, cells
 * padded to the widest value and separated by {@code " | "}.
 */
public final class PsqlGrid {

	private PsqlGrid() {
	}

	/** The header line, the rule and one line per row; every line has the same width. */
	public static List<String> aligned(List<String> header, List<List<String>> rows) {
		int[] widths = new int[header.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = width(header.get(i));
			for (List<String> row : rows) {
				widths[i] = Math.max(widths[i], width(row.get(i)));
			}
		}
		List<String> lines = new ArrayList<>();
		StringBuilder head = new StringBuilder();
		StringBuilder rule = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			String cell = header.get(i);
			int left = (widths[i] - width(cell)) / 2;
			head.append(i == 0 ? " " : " | ")
				.append(" ".repeat(left))
				.append(cell)
				.append(" ".repeat(widths[i] - width(cell) - left));
			rule.append(i == 0 ? "-" : "-+-").append("-".repeat(widths[i]));
		}
		lines.add(head.append(' ').toString());
		lines.add(rule.append('-').toString());
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < widths.length; i++) {
				String cell = row.get(i);
				line.append(i == 0 ? " " : " | ").append(cell).append(" ".repeat(widths[i] - width(cell)));
			}
			lines.add(line.append(' ').toString());
		}
		return lines;
	}

	private static int width(String text) {
		return text.codePointCount(0, text.length());
	}

}
