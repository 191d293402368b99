package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migsh.core.catalog.SqlLexer;
import dev.migsh.core.catalog.SqlToken;

/**
 * The words, quoted identifiers and symbols of one SQL statement as {@link SqlLexer} cuts
 * them, comments dropped and literals reduced to a placeholder: enough to read the head
 * of a DDL statement, not a parser.
 */
public final class SqlWords {

	/**
	 * A token: a bare word, a double-quoted identifier (text without quotes), a literal
	 * or a symbol.
	 */
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

		/**
		 * As SQL: a quoted identifier keeps its quotes, so {@code to_regclass} reads it
		 * back the same.
		 */
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

	/**
	 * True when {@code sql} names {@code name} (folded like PostgreSQL folds it) as an
	 * identifier.
	 */
	public static boolean mentions(String sql, String name) {
		for (Token token : tokenize(sql)) {
			if (token.isName() && token.folded().equals(name)) {
				return true;
			}
		}
		return false;
	}

	public static List<Token> tokenize(String sql) {
		List<Token> tokens = new ArrayList<>();
		for (SqlToken t : SqlLexer.tokenize(sql)) {
			switch (t.type()) {
				case COMMENT -> {
				}
				case WORD -> tokens.add(new Token(Kind.WORD, t.text()));
				case QUOTED_IDENTIFIER -> tokens.add(new Token(Kind.QUOTED, t.identifierValue()));
				case OPERATOR, PUNCTUATION -> tokens.add(new Token(Kind.SYMBOL, t.text()));
				default -> tokens.add(new Token(Kind.LITERAL, t.text()));
			}
		}
		return tokens;
	}

	/** A possibly qualified name starting at {@code i}. */
	static Optional<DbObject> name(List<Token> t, int i, DbObject.Kind kind) {
		if (i < 0 || i >= t.size() || !t.get(i).isName()) {
			return Optional.empty();
		}
		Token first = t.get(i);
		if (i + 2 < t.size() && t.get(i + 1).isSymbol('.') && t.get(i + 2).isName()) {
			Token second = t.get(i + 2);
			return Optional
				.of(new DbObject(kind, first.sql() + "." + second.sql(), Optional.of(first.folded()), second.folded()));
		}
		return Optional.of(new DbObject(kind, first.sql(), Optional.empty(), first.folded()));
	}

	static int after(List<Token> t, int i) {
		return (i + 2 < t.size() && t.get(i + 1).isSymbol('.') && t.get(i + 2).isName()) ? i + 3 : i + 1;
	}

	static int closing(List<Token> t, int open) {
		int depth = 0;
		for (int i = open; i < t.size(); i++) {
			if (t.get(i).isSymbol('(')) {
				depth++;
			}
			else if (t.get(i).isSymbol(')') && --depth == 0) {
				return i;
			}
		}
		return t.size();
	}

	static int find(List<Token> t, int from, String word) {
		for (int i = Math.max(from, 0); i < t.size(); i++) {
			if (t.get(i).is(word)) {
				return i;
			}
		}
		return -1;
	}

	static boolean at(List<Token> t, int i, String... words) {
		if (i < 0 || i + words.length > t.size()) {
			return false;
		}
		for (int k = 0; k < words.length; k++) {
			if (!t.get(i + k).is(words[k])) {
				return false;
			}
		}
		return true;
	}

	static int skip(List<Token> t, int i, String word) {
		return (i < t.size() && t.get(i).is(word)) ? i + 1 : i;
	}

	static String word(List<Token> t, int i) {
		return (i < t.size() && t.get(i).kind() == Kind.WORD) ? t.get(i).text().toLowerCase(Locale.ROOT) : "";
	}

}
