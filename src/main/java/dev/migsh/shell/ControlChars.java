package dev.migsh.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text safe to print: control characters from file names, ids, arguments or server
 * messages are shown escaped ({@code \x1b}, {@code \x07}, {@code \r}) so they cannot move
 * the cursor, retitle the terminal or hide what was printed. Newlines, tabs and the
 * colour codes {@link Style} writes pass through.
 */
final class ControlChars {

	// exactly the SGR sequences Style writes (a style, or the reset)
	private static final Pattern STYLE = Pattern.compile("\u001b\\[(?:0|1|2|3[1-6]|1;3[1-3])m");

	private ControlChars() {
	}

	static String escape(CharSequence text) {
		StringBuilder out = null;
		Matcher style = STYLE.matcher(text);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isControl(c)) {
				if (out != null) {
					out.append(c);
				}
				continue;
			}
			if (c == '\u001b' && style.find(i) && style.start() == i) {
				if (out != null) {
					out.append(text, i, style.end());
				}
				i = style.end() - 1;
				continue;
			}
			if (out == null) {
				out = new StringBuilder(text.length() + 8).append(text, 0, i);
			}
			out.append(switch (c) {
				case '\r' -> "\\r";
				case '\b' -> "\\b";
				default -> c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
			});
		}
		return out == null ? text.toString() : out.toString();
	}

	private static boolean isControl(char c) {
		if (c == '\n' || c == '\t') {
			return false;
		}
		return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
				|| (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
	}

}
