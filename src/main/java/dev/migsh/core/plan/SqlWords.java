package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.List;

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

}
