package dev.migsh.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An aligned text table: a header row, a rule, then rows. Cells may carry a style; widths
 * are measured without the escape codes.
 */
public final class TextTable {

	private final List<String> headers;

	private final List<Cell[]> rows = new ArrayList<>();

	private final boolean[] rightAligned;

	private int cellLimit;

	public TextTable(String... headers) {
		this.headers = Arrays.asList(headers);
		this.rightAligned = new boolean[headers.length];
	}

	public record Cell(String text, Style style) {

		public static Cell of(Object value) {
			return new Cell(value == null ? "" : value.toString(), null);
		}

	}

	public TextTable alignRight(int column) {
		this.rightAligned[column] = true;
		return this;
	}

	/**
	 * Cuts cells longer than {@code width} characters to that width, ending them with
	 * "..."; 0 keeps them whole.
	 */
	public TextTable limitCells(int width) {
		this.cellLimit = width;
		return this;
	}

	public TextTable row(Object... cells) {
		Cell[] row = new Cell[this.headers.size()];
		for (int i = 0; i < row.length; i++) {
			Object value = i < cells.length ? cells[i] : "";
			Cell cell = value instanceof Cell given ? given : Cell.of(value);
			if (this.cellLimit > 3 && cell.text().length() > this.cellLimit) {
				cell = new Cell(cell.text().substring(0, this.cellLimit - 3) + "...", cell.style());
			}
			row[i] = cell;
		}
		this.rows.add(row);
		return this;
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	public List<String> render(Output output) {
		int[] widths = new int[this.headers.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = this.headers.get(i).length();
		}
		for (Cell[] row : this.rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].text().length());
			}
		}
		List<String> lines = new ArrayList<>();
		StringBuilder header = new StringBuilder();
		StringBuilder rule = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			String sep = i == 0 ? "" : "  ";
			header.append(sep).append(pad(this.headers.get(i), widths[i], this.rightAligned[i]));
			rule.append(sep).append("-".repeat(widths[i]));
		}
		lines.add(output.style(Style.BOLD, header.toString().stripTrailing()));
		lines.add(rule.toString());
		for (Cell[] row : this.rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				String sep = i == 0 ? "" : "  ";
				String padded = pad(row[i].text(), widths[i], this.rightAligned[i]);
				line.append(sep).append(row[i].style() == null ? padded : output.style(row[i].style(), padded));
			}
			lines.add(line.toString().stripTrailing());
		}
		return lines;
	}

	private static String pad(String text, int width, boolean right) {
		String fill = " ".repeat(Math.max(0, width - text.length()));
		return right ? fill + text : text + fill;
	}

}
