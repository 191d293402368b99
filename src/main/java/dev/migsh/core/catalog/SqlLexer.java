package dev.migsh.core.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.catalog.SqlToken.Type;

/**
 * A PostgreSQL lexer following the server's scan.l with standard_conforming_strings on:
 * quotes, {@code E''} escapes, dollar quotes, nested block comments, operators. It never
 * interprets the SQL; whitespace produces no token.
 */
public final class SqlLexer {

	private static final String OPERATOR_CHARS = "~!@#^&|`?+-*/%<>=";

	// An operator ending in + or - keeps it only when it also holds one of these
	// (scan.l).
	private static final String NON_MATH_OPERATOR_CHARS = "~!@#^&|`?%";

	private final String sql;

	private final Path file;

	private final LineMap lines;

	private final List<SqlToken> tokens = new ArrayList<>();

	private int pos;

	private SqlLexer(String sql, Path file, int firstLine) {
		this.sql = sql;
		this.file = file;
		this.lines = new LineMap(sql, firstLine);
	}

	/**
	 * Lexes leniently: an unterminated string, identifier, dollar quote or comment runs
	 * to the end of the text. Lines and columns are relative to the text (line 1). The
	 * splitter, the planner, pre-flight, the rules and the runner each read the same
	 * statement; the tokens of recent texts are remembered so a statement is lexed once.
	 */
	public static List<SqlToken> tokenize(String sql) {
		return RECENT.tokens(sql);
	}

	private static final RecentTexts RECENT = new RecentTexts(1 << 16, 1 << 23);

	/**
	 * Tokens of the texts lexed last, least recently used dropped first, bounded by count
	 * and by total characters so a long session's memory stays small.
	 */
	private static final class RecentTexts extends java.util.LinkedHashMap<String, List<SqlToken>> {

		private final int maxTexts;

		private final long maxChars;

		private long chars;

		RecentTexts(int maxTexts, long maxChars) {
			super(1024, 0.75f, true);
			this.maxTexts = maxTexts;
			this.maxChars = maxChars;
		}

		synchronized List<SqlToken> tokens(String sql) {
			List<SqlToken> tokens = get(sql);
			if (tokens == null) {
				tokens = new SqlLexer(sql, null, 1).run();
				put(sql, tokens);
				this.chars += sql.length();
			}
			return tokens;
		}

		@Override
		protected boolean removeEldestEntry(java.util.Map.Entry<String, List<SqlToken>> eldest) {
			if (size() > this.maxTexts || this.chars > this.maxChars) {
				this.chars -= eldest.getKey().length();
				return true;
			}
			return false;
		}

	}

	/**
	 * Lexes a piece of {@code file} whose first line is {@code firstLine}; token lines
	 * are lines of the file.
	 * @throws MigrationFileException for an unterminated construct, at its opening
	 */
	public static List<SqlToken> tokenize(String sql, Path file, int firstLine) {
		return new SqlLexer(sql, file, firstLine).run();
	}

	private List<SqlToken> run() {
		int length = this.sql.length();
		while (this.pos < length) {
			char c = this.sql.charAt(this.pos);
			int start = this.pos;
			if (isSpace(c)) {
				this.pos++;
			}
			else if (c == '-' && peek(1) == '-') {
				int end = start;
				while (end < length && this.sql.charAt(end) != '\n' && this.sql.charAt(end) != '\r') {
					end++;
				}
				add(Type.COMMENT, start, end);
			}
			else if (c == '/' && peek(1) == '*') {
				blockComment(start);
			}
			else if (c == '\'') {
				quoted(start, start, '\'', false, Type.STRING, "quoted string");
			}
			else if (c == '"') {
				quoted(start, start, '"', false, Type.QUOTED_IDENTIFIER, "quoted identifier");
			}
			else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
				quoted(start, start + 1, '\'', true, Type.STRING, "escape string E'...'");
			}
			else if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && peek(1) == '\'') {
				quoted(start, start + 1, '\'', false, Type.STRING, "quoted string");
			}
			else if ((c == 'u' || c == 'U') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
				boolean identifier = peek(2) == '"';
				quoted(start, start + 2, peek(2), false, identifier ? Type.QUOTED_IDENTIFIER : Type.STRING,
						identifier ? "quoted identifier" : "Unicode string U&'...'");
			}
			else if (isIdentStart(c)) {
				int end = start + 1;
				while (end < length && isIdentPart(this.sql.charAt(end))) {
					end++;
				}
				add(Type.WORD, start, end);
			}
			else if (c == '$') {
				dollar(start);
			}
			else if (isDigit(c) || (c == '.' && isDigit(peek(1)) && !this.sql.startsWith("..", start - 1))) {
				number(start);
			}
			else if (c == ':' && (peek(1) == ':' || peek(1) == '=')) {
				add(Type.OPERATOR, start, start + 2);
			}
			else if ("(),;.[]:".indexOf(c) >= 0) {
				add(Type.PUNCTUATION, start, start + 1);
			}
			else if (OPERATOR_CHARS.indexOf(c) >= 0) {
				operator(start);
			}
			else {
				// Not SQL (a psql backslash, a stray character): one token so callers can
				// report it.
				add(Type.OPERATOR, start, start + Character.charCount(this.sql.codePointAt(start)));
			}
		}
		return List.copyOf(this.tokens);
	}

	private void quoted(int start, int quoteAt, char quote, boolean backslashEscapes, Type type, String what) {
		int length = this.sql.length();
		int i = quoteAt + 1;
		while (i < length) {
			char c = this.sql.charAt(i);
			if (backslashEscapes && c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				if (i + 1 < length && this.sql.charAt(i + 1) == quote) {
					i += 2;
				}
				else {
					add(type, start, i + 1);
					return;
				}
			}
			else {
				i++;
			}
		}
		unterminated(start, type, "unterminated " + what,
				"add the closing " + quote + "; everything after the opening one was read as part of it");
	}

	private void blockComment(int start) {
		int length = this.sql.length();
		int depth = 0;
		int i = start;
		while (i < length) {
			if (this.sql.startsWith("/*", i)) {
				depth++;
				i += 2;
			}
			else if (this.sql.startsWith("*/", i)) {
				depth--;
				i += 2;
				if (depth == 0) {
					add(Type.COMMENT, start, i);
					return;
				}
			}
			else {
				i++;
			}
		}
		unterminated(start, Type.COMMENT, "unterminated /* comment",
				"close it with */; PostgreSQL block comments nest, so every /* inside needs its own */");
	}

	private void dollar(int start) {
		int length = this.sql.length();
		if (isDigit(peek(1))) {
			int end = start + 1;
			while (end < length && isDigit(this.sql.charAt(end))) {
				end++;
			}
			add(Type.PARAMETER, start, end);
			return;
		}
		int end = start + 1;
		if (end < length && isDollarTagStart(this.sql.charAt(end))) {
			while (end < length && isDollarTagPart(this.sql.charAt(end))) {
				end++;
			}
		}
		if (end < length && this.sql.charAt(end) == '$') {
			String tag = this.sql.substring(start, end + 1);
			int close = this.sql.indexOf(tag, end + 1);
			if (close < 0) {
				unterminated(start, Type.DOLLAR_STRING, "unterminated dollar-quoted string " + tag,
						"add the closing " + tag + "; everything after the opening one was read as part of it");
				return;
			}
			add(Type.DOLLAR_STRING, start, close + tag.length());
			return;
		}
		add(Type.OPERATOR, start, start + 1);
	}

	private void number(int start) {
		int length = this.sql.length();
		int i = start;
		char next = Character.toLowerCase(peek(1));
		if (this.sql.charAt(start) == '0' && (next == 'x' || next == 'o' || next == 'b')) {
			i += 2;
			while (i < length && (Character.isLetterOrDigit(this.sql.charAt(i)) || this.sql.charAt(i) == '_')) {
				i++;
			}
			add(Type.NUMBER, start, i);
			return;
		}
		i = digits(i);
		// "1..2" is not a number followed by ".2": PL/pgSQL ranges use "..".
		if (i < length && this.sql.charAt(i) == '.' && !this.sql.startsWith("..", i)) {
			i = digits(i + 1);
		}
		if (i < length && (this.sql.charAt(i) == 'e' || this.sql.charAt(i) == 'E')) {
			int exponent = i + 1;
			if (exponent < length && (this.sql.charAt(exponent) == '+' || this.sql.charAt(exponent) == '-')) {
				exponent++;
			}
			if (exponent < length && isDigit(this.sql.charAt(exponent))) {
				i = digits(exponent);
			}
		}
		add(Type.NUMBER, start, i);
	}

	private int digits(int from) {
		int i = from;
		while (i < this.sql.length() && (isDigit(this.sql.charAt(i))
				|| (this.sql.charAt(i) == '_' && i + 1 < this.sql.length() && isDigit(this.sql.charAt(i + 1))))) {
			i++;
		}
		return i;
	}

	private void operator(int start) {
		int length = this.sql.length();
		int end = start + 1;
		while (end < length && OPERATOR_CHARS.indexOf(this.sql.charAt(end)) >= 0 && !this.sql.startsWith("--", end)
				&& !this.sql.startsWith("/*", end)) {
			end++;
		}
		if (end - start > 1) {
			boolean mathOnly = true;
			for (int i = start; i < end; i++) {
				if (NON_MATH_OPERATOR_CHARS.indexOf(this.sql.charAt(i)) >= 0) {
					mathOnly = false;
				}
			}
			while (mathOnly && end - start > 1 && "+-".indexOf(this.sql.charAt(end - 1)) >= 0) {
				end--;
			}
		}
		add(Type.OPERATOR, start, end);
	}

	private void unterminated(int start, Type type, String problem, String hint) {
		if (this.file != null) {
			int line = this.lines.line(start);
			throw new MigrationFileException(this.file, line, this.lines.column(start), problem, hint);
		}
		add(type, start, this.sql.length());
	}

	private void add(Type type, int start, int end) {
		this.tokens.add(new SqlToken(type, this.sql.substring(start, end), start, this.lines.line(start),
				this.lines.column(start)));
		this.pos = end;
	}

	private char peek(int ahead) {
		int i = this.pos + ahead;
		return i < this.sql.length() ? this.sql.charAt(i) : '\0';
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	// PostgreSQL treats every non-ASCII character as an identifier letter.
	private static boolean isIdentStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
	}

	private static boolean isIdentPart(char c) {
		return isIdentStart(c) || isDigit(c) || c == '$';
	}

	private static boolean isDollarTagStart(char c) {
		return isIdentStart(c);
	}

	private static boolean isDollarTagPart(char c) {
		return isIdentStart(c) || isDigit(c);
	}

}
