package dev.migsh.core.catalog;

/**
 * One PostgreSQL lexical token: its kind, its exact source text (quotes and prefixes
 * included), its offset in the lexed text and its 1-based line and column.
 */
public record SqlToken(Type type, String text, int offset, int line, int column) {

	/** Token kinds; whitespace is never a token. */
	public enum Type {

		/** A keyword or unquoted identifier ({@code create}, {@code users}). */
		WORD,
		/** {@code "Mixed Case"} or {@code U&"..."}. */
		QUOTED_IDENTIFIER,
		/**
		 * {@code '...'}, {@code E'...'}, {@code U&'...'}, {@code B'...'}, {@code X'...'},
		 * {@code N'...'}.
		 */
		STRING,
		/** {@code $$...$$} or {@code $tag$...$tag$}. */
		DOLLAR_STRING,
		/** {@code 42}, {@code 1.5e3}, {@code 0x1F}, {@code 1_000}. */
		NUMBER,
		/**
		 * Operators such as {@code =}, {@code <>}, {@code ->>}, and the cast {@code ::}.
		 */
		OPERATOR,
		/** {@code ( ) , ; . [ ] :}. */
		PUNCTUATION,
		/** A positional parameter: {@code $1}. */
		PARAMETER,
		/** {@code -- to end of line} or a (possibly nested) block comment. */
		COMMENT

	}

	/** True for a WORD equal to {@code word}, ignoring case. */
	public boolean isWord(String word) {
		return this.type == Type.WORD && this.text.equalsIgnoreCase(word);
	}

	/** True for PUNCTUATION or OPERATOR with exactly this text. */
	public boolean is(String symbol) {
		return (this.type == Type.PUNCTUATION || this.type == Type.OPERATOR) && this.text.equals(symbol);
	}

	/**
	 * The identifier this token names, as PostgreSQL folds it: a WORD lower-cased (ASCII
	 * only, like the server), a quoted identifier without its quotes and with {@code ""}
	 * unescaped.
	 */
	public String identifierValue() {
		return switch (this.type) {
			case WORD -> foldAscii(this.text);
			case QUOTED_IDENTIFIER -> {
				String body = this.text.startsWith("\"") ? this.text : this.text.substring(2);
				yield body.substring(1, body.length() - 1).replace("\"\"", "\"");
			}
			default -> throw new IllegalStateException("not an identifier: " + this.type + " " + this.text);
		};
	}

	private static String foldAscii(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			folded.append((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c);
		}
		return folded.toString();
	}

}
