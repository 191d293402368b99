package dev.migsh.core.catalog;

import java.util.Arrays;

/**
 * Turns offsets in a text into 1-based line and column; {@code \n}, {@code \r\n} and a
 * lone {@code \r} each end a line, and columns count code points.
 */
final class LineMap {

	private final String text;

	private final int firstLine;

	private final int[] lineStarts;

	LineMap(String text, int firstLine) {
		this.text = text;
		this.firstLine = firstLine;
		int[] starts = new int[16];
		int count = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
			if (lineBreak) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		this.lineStarts = Arrays.copyOf(starts, count);
	}

	int line(int offset) {
		return this.firstLine + index(offset);
	}

	int column(int offset) {
		int start = this.lineStarts[index(offset)];
		return this.text.codePointCount(start, Math.min(offset, this.text.length())) + 1;
	}

	private int index(int offset) {
		int found = Arrays.binarySearch(this.lineStarts, offset);
		return found >= 0 ? found : -found - 2;
	}

}
