package dev.migsh.core.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.migsh.core.catalog.SqlStatement.Origin;
import dev.migsh.core.catalog.SqlStatement.Replacement;
import dev.migsh.core.catalog.SqlToken.Type;

/**
 * Replaces placeholders in one statement of a file, outside comments; an unset
 * placeholder, or Go-template syntax no prefix covers, is a
 * {@link MigrationFileException} at its place in the file. Secret values go only into the
 * text sent.
 */
final class PlaceholderReplacer {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");

	private final Placeholders placeholders;

	private final Path file;

	PlaceholderReplacer(Placeholders placeholders, Path file) {
		this.placeholders = placeholders;
		this.file = file;
	}

	SqlStatement replace(SqlStatement statement) {
		Origin origin = statement.origin();
		String written = origin.written();
		List<SqlToken> tokens = SqlLexer.tokenize(written);
		String prefix = this.placeholders.prefix();
		String suffix = this.placeholders.suffix();
		StringBuilder sent = new StringBuilder();
		StringBuilder shown = new StringBuilder();
		List<Replacement> replacements = new ArrayList<>();
		List<int[]> covered = new ArrayList<>();
		int copied = 0;
		int at = written.indexOf(prefix);
		while (at >= 0) {
			if (inComment(tokens, at)) {
				at = written.indexOf(prefix, at + 1);
				continue;
			}
			int close = written.indexOf(suffix, at + prefix.length());
			int lineEnd = written.indexOf('\n', at);
			if (close < 0 || (lineEnd >= 0 && lineEnd < close)) {
				throw error(origin, at, "placeholder " + prefix + "... has no closing " + suffix,
						"close it on the same line, or check --placeholder-prefix and --placeholder-suffix");
			}
			String name = written.substring(at + prefix.length(), close).strip();
			String value = value(origin, at, name);
			int end = close + suffix.length();
			sent.append(written, copied, at);
			shown.append(written, copied, at);
			replacements.add(new Replacement(at, end - at, sent.length(), value.length()));
			sent.append(value);
			shown.append(this.placeholders.isSecret(name) ? written.substring(at, end) : value);
			covered.add(new int[] { at, end });
			copied = end;
			at = written.indexOf(prefix, end);
		}
		sent.append(written, copied, written.length());
		shown.append(written, copied, written.length());
		checkNoTemplate(origin, tokens, covered);
		if (replacements.isEmpty()) {
			return statement;
		}
		return new SqlStatement(shown.toString(), statement.line(), statement.column(),
				new Origin(origin.line(), origin.column(), written, sent.toString(), replacements));
	}

	private String value(Origin origin, int at, String name) {
		String hint = "pass --placeholder " + (NAME.matcher(name).matches() ? name : "NAME")
				+ "=VALUE (or set the environment variable " + Placeholders.ENVIRONMENT_PREFIX
				+ (NAME.matcher(name).matches() ? name : "NAME") + ") before running anything";
		if (!NAME.matcher(name).matches()) {
			throw error(origin, at, "'" + name + "' is not a placeholder name", hint);
		}
		if (name.equals(Placeholders.FILENAME)) {
			return this.file.getFileName().toString();
		}
		String value = this.placeholders.values().get(name);
		if (value == null) {
			throw error(origin, at,
					"placeholder " + this.placeholders.prefix() + name + this.placeholders.suffix() + " has no value",
					hint);
		}
		return value;
	}

	private void checkNoTemplate(Origin origin, List<SqlToken> tokens, List<int[]> covered) {
		for (int i = 0; i + 1 < tokens.size(); i++) {
			SqlToken open = tokens.get(i);
			SqlToken next = tokens.get(i + 1);
			boolean template = open.type() == Type.OPERATOR && open.text().equals("{") && next.text().equals("{")
					&& next.offset() == open.offset() + 1;
			if (template && covered.stream().noneMatch(r -> open.offset() >= r[0] && open.offset() < r[1])) {
				throw error(origin, open.offset(), "template syntax {{ ... }} left in the SQL",
						"this folder uses Go templates: pass --placeholder-prefix '{{ index .Options \"' "
								+ "--placeholder-suffix '\" }}' and a --placeholder NAME=VALUE for each option");
			}
		}
	}

	private static boolean inComment(List<SqlToken> tokens, int offset) {
		for (SqlToken token : tokens) {
			if (token.offset() > offset) {
				return false;
			}
			if (token.type() == Type.COMMENT && offset < token.offset() + token.text().length()) {
				return true;
			}
		}
		return false;
	}

	private MigrationFileException error(Origin origin, int writtenOffset, String problem, String hint) {
		SqlStatement.TextPosition position = new Origin(origin.line(), origin.column(), origin.written(),
				origin.written(), List.of())
			.positionOf(writtenOffset);
		return new MigrationFileException(this.file, position.line(), position.column(), problem, hint);
	}

}
