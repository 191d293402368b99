package dev.migsh.shell;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.UsageException;

/**
 * Splits a command line into words like a POSIX shell does: blanks separate, single and
 * double quotes group, a backslash escapes the next character outside single quotes.
 */
public final class Tokenizer {

	private Tokenizer() {
	}

	public static List<Word> split(String line) {
		List<Word> words = new ArrayList<>();
		StringBuilder raw = new StringBuilder();
		StringBuilder value = new StringBuilder();
		boolean inWord = false;
		int i = 0;
		while (i < line.length()) {
			char c = line.charAt(i);
			if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(new Word(raw.toString(), value.toString()));
					raw.setLength(0);
					value.setLength(0);
					inWord = false;
				}
				i++;
				continue;
			}
			inWord = true;
			if (c == '\'' || c == '"') {
				int end = line.indexOf(c, i + 1);
				if (c == '"') {
					end = closingDoubleQuote(line, i + 1);
				}
				if (end < 0) {
					throw new UsageException("unterminated " + (c == '"' ? "double" : "single") + " quote in: " + line,
							"close the quote, or escape it with a backslash");
				}
				String inside = line.substring(i + 1, end);
				if (c == '"') {
					raw.append(line, i, end + 1);
					value.append(inside.replace("\\\"", "\""));
				}
				else {
					raw.append(inside);
					value.append(inside);
				}
				i = end + 1;
			}
			else if (c == '\\' && i + 1 < line.length()) {
				raw.append(line.charAt(i + 1));
				value.append(line.charAt(i + 1));
				i += 2;
			}
			else {
				raw.append(c);
				value.append(c);
				i++;
			}
		}
		if (inWord) {
			words.add(new Word(raw.toString(), value.toString()));
		}
		return words;
	}

	private static int closingDoubleQuote(String line, int from) {
		for (int i = from; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\\' && i + 1 < line.length()) {
				i++;
			}
			else if (c == '"') {
				return i;
			}
		}
		return -1;
	}

}
