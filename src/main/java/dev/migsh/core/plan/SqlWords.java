package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The words, quoted identifiers and punctuation of one SQL statement, with comments and
 * the contents of string literals (including dollar quotes) skipped: enough to read the
 * head of a DDL statement, not a parser.
 */
public final class SqlWords {

	/** A token: a bare word, a double-quoted identifier (text without quotes), a literal or a symbol. */
	public record Token(Kind kind, String text) {

		public boolean is(String word) {
			return this.kind == Kind.WORD && this.text.equalsIgnoreCase(word);
		}

		public boolean isName() {
			return this.kind == Kind.WORD || this.kind == Kind.QUOTED;
		}

		public boolean isSymbol(char c) {
			return this.kind == Kind.SYMBOL && this.text.length() == 1 && this.text.charAt(0) == c;
		}

		/** As SQL: a quoted identifier keeps its quotes, so {@code to_regclass} reads it back the same. */
		public String sql() {
			return this.kind == Kind.QUOTED ? '"' + this.text.replace("\"", "\"\"") + '"' : this.text;
		}

		/** The name PostgreSQL stores: bare words fold to lower case. */
		public String folded() {
			return this.kind == Kind.QUOTED ? this.text : this.text.toLowerCase(java.util.Locale.ROOT);
		}

	}

	public enum Kind {

		WORD, QUOTED, LITERAL, SYMBOL

	}

	private SqlWords() {
	}

	public static List<Token> tokenize(String sql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int n = sql.length();
		while (i < n) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
				int end = sql.indexOf('\n', i);
				i = end < 0 ? n : end + 1;
			}
			else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
				i = skipBlockComment(sql, i);
			}
			else if (c == '\'') {
				boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
						&& !tokens.isEmpty() && tokens.get(tokens.size() - 1).is("e");
				if (escapes) {
					tokens.remove(tokens.size() - 1);
				}
				i = skipString(sql, i, escapes);
				tokens.add(new Token(Kind.LITERAL, "'"));
			}
			else if (c == '"') {
				StringBuilder name = new StringBuilder();
				i++;
				while (i < n) {
					if (sql.charAt(i) == '"') {
						if (i + 1 < n && sql.charAt(i + 1) == '"') {
							name.append('"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					name.append(sql.charAt(i++));
				}
				tokens.add(new Token(Kind.QUOTED, name.toString()));
			}
			else if (c == '$' && dollarTag(sql, i) != null) {
				String tag = dollarTag(sql, i);
				int end = sql.indexOf(tag, i + tag.length());
				i = end < 0 ? n : end + tag.length();
				tokens.add(new Token(Kind.LITERAL, "$"));
			}
			else if (Character.isLetter(c) || c == '_') {
				int start = i;
				while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
						|| sql.charAt(i) == '$')) {
					i++;
				}
				tokens.add(new Token(Kind.WORD, sql.substring(start, i)));
			}
			else if (Character.isDigit(c)) {
				int start = i;
				while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
					i++;
				}
				tokens.add(new Token(Kind.LITERAL, sql.substring(start, i)));
			}
			else {
				tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
				i++;
			}
		}
		return tokens;
	}

	private static int skipBlockComment(String sql, int i) {
		int depth = 0;
		int n = sql.length();
		while (i < n) {
			if (sql.startsWith("/*", i)) {
				depth++;
				i += 2;
			}
			else if (sql.startsWith("*/", i)) {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return n;
	}

	private static int skipString(String sql, int i, boolean escapes) {
		int n = sql.length();
		i++;
		while (i < n) {
			char c = sql.charAt(i);
			if (escapes && c == '\\') {
				i += 2;
			}
			else if (c == '\'') {
				if (i + 1 < n && sql.charAt(i + 1) == '\'') {
					i += 2;
				}
				else {
					return i + 1;
				}
			}
			else {
				i++;
			}
		}
		return n;
	}

	private static String dollarTag(String sql, int i) {
		int j = i + 1;
		while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
			j++;
		}
		if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
			return sql.substring(i, j + 1);
		}
		return null;
	}

}
