package dev.migsh.core.postgres;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Quoting of PostgreSQL identifiers, the one place the tool turns a name into SQL text.
 * Follows quote_ident: a name is left bare only when it is lower case, starts with a
 * letter or underscore and is not a keyword we might collide with.
 */
public final class Identifiers {

	private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_$]*");

	private Identifiers() {
	}

	/** The identifier, double-quoted when PostgreSQL needs it to be. */
	public static String quote(String name) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("an identifier cannot be empty");
		}
		if (name.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("an identifier cannot contain a NUL character");
		}
		if (BARE.matcher(name).matches() && !Keywords.isReserved(name)) {
			return name;
		}
		return '"' + name.replace("\"", "\"\"") + '"';
	}

	/** schema.name with each part quoted as needed. */
	public static String qualified(String schema, String name) {
		return quote(schema) + "." + quote(name);
	}

	/** Always double-quoted, for generated DDL that must survive any name. */
	public static String alwaysQuote(String name) {
		return '"' + name.replace("\"", "\"\"") + '"';
	}

	static String lower(String s) {
		return s.toLowerCase(Locale.ROOT);
	}

}
