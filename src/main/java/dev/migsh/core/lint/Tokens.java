package dev.migsh.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migsh.core.catalog.SqlLexer;
import dev.migsh.core.catalog.SqlToken;
import dev.migsh.core.catalog.SqlToken.Type;

/**
 * The tokens of one statement (or a slice of one) without comments, with the few matching
 * operations the rules need. A pattern part that starts with a letter matches a word,
 * ignoring case; any other part matches punctuation or an operator exactly.
 */
public final class Tokens {

	private final List<SqlToken> list;

	private Tokens(List<SqlToken> list) {
		this.list = list;
	}

	/** The tokens of {@code sql}, comments removed. */
	public static Tokens lex(String sql) {
		return of(SqlLexer.tokenize(sql));
	}

	public static Tokens of(List<SqlToken> tokens) {
		return new Tokens(tokens.stream().filter(t -> t.type() != Type.COMMENT).toList());
	}

	public int size() {
		return this.list.size();
	}

	public boolean isEmpty() {
		return this.list.isEmpty();
	}

	public SqlToken get(int i) {
		return this.list.get(i);
	}

	public List<SqlToken> list() {
		return this.list;
	}

	/** The lower-case word at {@code i}, or "" when there is no word there. */
	public String word(int i) {
		if (i < 0 || i >= this.list.size() || this.list.get(i).type() != Type.WORD) {
			return "";
		}
		return this.list.get(i).text().toLowerCase(Locale.ROOT);
	}

	public boolean is(int i, String symbol) {
		return i >= 0 && i < this.list.size() && this.list.get(i).is(symbol);
	}

	public boolean isType(int i, Type type) {
		return i >= 0 && i < this.list.size() && this.list.get(i).type() == type;
	}

	/** True when the parts match the tokens starting at {@code i}. */
	public boolean at(int i, String... parts) {
		if (i < 0 || i + parts.length > this.list.size()) {
			return false;
		}
		for (int k = 0; k < parts.length; k++) {
			SqlToken token = this.list.get(i + k);
			String part = parts[k];
			boolean word = Character.isLetter(part.charAt(0)) || part.charAt(0) == '_';
			boolean matches = word ? token.isWord(part) || quotedAs(token, part) : token.is(part);
			if (!matches) {
				return false;
			}
		}
		return true;
	}

	private static boolean quotedAs(SqlToken token, String name) {
		return token.type() == Type.QUOTED_IDENTIFIER && token.identifierValue().equals(name);
	}

	public boolean startsWith(String... parts) {
		return at(0, parts);
	}

	/**
	 * Index after the parts when they are at {@code i}, else {@code i}: for optional
	 * clauses.
	 */
	public int skip(int i, String... parts) {
		return at(i, parts) ? i + parts.length : i;
	}

	/**
	 * First index at or after {@code from}, at any parenthesis depth, where the parts
	 * match; -1 if none.
	 */
	public int find(int from, String... parts) {
		for (int i = Math.max(0, from); i < this.list.size(); i++) {
			if (at(i, parts)) {
				return i;
			}
		}
		return -1;
	}

	/** Like {@link #find} but only outside parentheses opened after {@code from}. */
	public int findTopLevel(int from, String... parts) {
		int depth = 0;
		for (int i = Math.max(0, from); i < this.list.size(); i++) {
			if (depth == 0 && at(i, parts)) {
				return i;
			}
			if (is(i, "(") || is(i, "[")) {
				depth++;
			}
			else if ((is(i, ")") || is(i, "]")) && depth > 0) {
				depth--;
			}
		}
		return -1;
	}

	public boolean contains(String... parts) {
		return find(0, parts) >= 0;
	}

	public boolean containsTopLevel(String... parts) {
		return findTopLevel(0, parts) >= 0;
	}

	/**
	 * Index of the parenthesis closing the one at {@code open}, or {@code size()} if
	 * unbalanced.
	 */
	public int closing(int open) {
		int depth = 0;
		for (int i = open; i < this.list.size(); i++) {
			if (is(i, "(")) {
				depth++;
			}
			else if (is(i, ")")) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return this.list.size();
	}

	public Tokens slice(int from, int to) {
		int start = Math.max(0, Math.min(from, this.list.size()));
		int end = Math.max(start, Math.min(to, this.list.size()));
		return new Tokens(this.list.subList(start, end));
	}

	public Tokens from(int i) {
		return slice(i, this.list.size());
	}

	/** The pieces between top-level commas. */
	public List<Tokens> splitTopLevel() {
		List<Tokens> parts = new ArrayList<>();
		int start = 0;
		int depth = 0;
		for (int i = 0; i < this.list.size(); i++) {
			if (is(i, "(") || is(i, "[")) {
				depth++;
			}
			else if (is(i, ")") || is(i, "]")) {
				depth--;
			}
			else if (depth == 0 && is(i, ",")) {
				parts.add(slice(start, i));
				start = i + 1;
			}
		}
		parts.add(slice(start, this.list.size()));
		return parts;
	}

	public boolean isIdentifier(int i) {
		return isType(i, Type.WORD) || isType(i, Type.QUOTED_IDENTIFIER);
	}

	/** The folded identifier at {@code i}, or "" when there is none. */
	public String identifier(int i) {
		return isIdentifier(i) ? this.list.get(i).identifierValue() : "";
	}

	/** The possibly qualified name starting at {@code i}, e.g. {@code public."Users"}. */
	public Optional<TableName> nameAt(int i) {
		if (!isIdentifier(i)) {
			return Optional.empty();
		}
		int end = nameEnd(i);
		String name = identifier(end - 1);
		String schema = (end - i >= 3) ? identifier(end - 3) : null;
		return Optional.of(new TableName(schema, name));
	}

	/** Index just after the possibly qualified name starting at {@code i}. */
	public int nameEnd(int i) {
		if (!isIdentifier(i)) {
			return i;
		}
		int end = i + 1;
		while (is(end, ".") && isIdentifier(end + 1)) {
			end += 2;
		}
		return end;
	}

	/**
	 * The value of the string literal at {@code i} (prefix and quotes removed), or empty.
	 */
	public Optional<String> stringAt(int i) {
		if (!isType(i, Type.STRING)) {
			return Optional.empty();
		}
		String text = this.list.get(i).text();
		int open = text.indexOf('\'');
		return Optional.of(text.substring(open + 1, text.length() - 1).replace("''", "'"));
	}

	/** The tokens' text joined by single spaces, for messages. */
	public String text() {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < this.list.size(); i++) {
			boolean tight = is(i, ".") || is(i, ",") || is(i, ")") || is(i - 1, ".") || is(i - 1, "(")
					|| is(i, "(") && isType(i - 1, Type.WORD) || is(i, "[") || is(i, "]") || is(i - 1, "[")
					|| is(i, "::") || is(i - 1, "::");
			if (i > 0 && !tight) {
				out.append(' ');
			}
			out.append(this.list.get(i).text());
		}
		return out.toString();
	}

	@Override
	public String toString() {
		return text();
	}

}
