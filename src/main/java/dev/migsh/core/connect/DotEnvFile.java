package dev.migsh.core.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migsh.core.MigshException;

/**
 * Reads a {@code .env} file: {@code KEY=VALUE} lines, optionally after {@code export},
 * values bare or in single or double quotes, {@code #} comments and blank lines. Error
 * messages name the line but never repeat its text, which may hold a password.
 */
final class DotEnvFile {

	private static final String HINT = "Write each line as KEY=VALUE (optionally export KEY=VALUE, the value in"
			+ " quotes if it has spaces or #), or remove the line.";

	private DotEnvFile() {
	}

	/**
	 * The variables of the file, or none when it does not exist; later lines win, as in a
	 * shell.
	 */
	static Map<String, String> read(Path file) {
		if (!Files.isRegularFile(file)) {
			return Map.of();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new MigshException("Cannot read " + file + ": " + ex.getClass().getSimpleName(),
					"Check the file's permissions, or remove it.", ex);
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			parseLine(lines.get(i), file, i + 1, variables);
		}
		return variables;
	}

	private static void parseLine(String raw, Path file, int number, Map<String, String> variables) {
		String line = raw.strip();
		if (line.isEmpty() || line.startsWith("#")) {
			return;
		}
		if (line.startsWith("export ") || line.startsWith("export\t")) {
			line = line.substring("export".length()).stripLeading();
		}
		int eq = line.indexOf('=');
		if (eq < 0) {
			throw malformed(file, number, "it has no '='");
		}
		String key = line.substring(0, eq).strip();
		if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
			throw malformed(file, number, "the name before '=' is not a variable name");
		}
		variables.put(key, value(line.substring(eq + 1).stripLeading(), file, number));
	}

	private static String value(String text, Path file, int number) {
		if (text.startsWith("\"") || text.startsWith("'")) {
			char quote = text.charAt(0);
			StringBuilder value = new StringBuilder();
			int i = 1;
			for (; i < text.length() && text.charAt(i) != quote; i++) {
				char c = text.charAt(i);
				if (quote == '"' && c == '\\' && i + 1 < text.length()) {
					char next = text.charAt(++i);
					value.append(switch (next) {
						case 'n' -> '\n';
						case 't' -> '\t';
						default -> next;
					});
				}
				else {
					value.append(c);
				}
			}
			if (i >= text.length()) {
				throw malformed(file, number, "a " + quote + " quote is not closed");
			}
			String after = text.substring(i + 1).strip();
			if (!after.isEmpty() && !after.startsWith("#")) {
				throw malformed(file, number, "there is text after the closing quote");
			}
			return value.toString();
		}
		// as in shells, an unquoted # starts a comment only after whitespace
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
				return text.substring(0, i).strip();
			}
		}
		return text.strip();
	}

	private static MigshException malformed(Path file, int number, String problem) {
		return new MigshException(file + ":" + number + " is not a KEY=VALUE line: " + problem, HINT);
	}

}
