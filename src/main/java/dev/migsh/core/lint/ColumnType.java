package dev.migsh.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.migsh.core.catalog.SqlToken;

/**
 * A column type reduced to PostgreSQL's own name and its modifiers, so that
 * {@code varchar(20)}, {@code character varying(20)} and {@code format_type()}'s output
 * compare equal.
 */
public record ColumnType(String base, List<Integer> modifiers) {

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("varchar", "varchar"),
			Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
			Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"), Map.entry("text", "text"),
			Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("int4", "int4"),
			Map.entry("bigint", "int8"), Map.entry("int8", "int8"), Map.entry("smallint", "int2"),
			Map.entry("int2", "int2"), Map.entry("char", "bpchar"), Map.entry("character", "bpchar"),
			Map.entry("bpchar", "bpchar"), Map.entry("boolean", "bool"), Map.entry("bool", "bool"),
			Map.entry("real", "float4"), Map.entry("float4", "float4"), Map.entry("double precision", "float8"),
			Map.entry("float8", "float8"), Map.entry("bit varying", "varbit"), Map.entry("varbit", "varbit"));

	public ColumnType {
		modifiers = List.copyOf(modifiers);
	}

	/**
	 * The type these tokens spell, e.g. {@code character varying(128)}; empty for arrays.
	 */
	public static Optional<ColumnType> parse(Tokens spelled) {
		Tokens type = spelled;
		while (!type.isEmpty() && type.is(type.size() - 1, ";")) {
			type = type.slice(0, type.size() - 1);
		}
		int open = type.findTopLevel(0, "(");
		int end = (open < 0) ? type.size() : open;
		if (type.contains("[") || end == 0) {
			return Optional.empty();
		}
		List<String> words = new ArrayList<>();
		for (int i = 0; i < end; i++) {
			if (!type.isType(i, SqlToken.Type.WORD)) {
				return Optional.empty();
			}
			words.add(type.word(i));
		}
		String written = String.join(" ", words);
		String base = ALIASES.getOrDefault(written, written);
		List<Integer> modifiers = new ArrayList<>();
		if (open >= 0) {
			int close = type.closing(open);
			if (close != type.size() - 1) {
				return Optional.empty();
			}
			for (Tokens part : type.slice(open + 1, close).splitTopLevel()) {
				if (part.size() != 1 || !part.get(0).text().matches("\\d+")) {
					return Optional.empty();
				}
				modifiers.add(Integer.parseInt(part.get(0).text()));
			}
		}
		if (base.equals("numeric") && modifiers.size() == 1) {
			modifiers.add(0);
		}
		return Optional.of(new ColumnType(base, modifiers));
	}

	public static Optional<ColumnType> parse(String type) {
		return parse(Tokens.lex(type));
	}

	/**
	 * True when changing a column of type {@code old} to this type only changes the
	 * catalog: the same type, a longer or unbounded {@code varchar}, {@code varchar} to
	 * {@code text}, or a {@code numeric} with more precision and the same scale. Nothing
	 * is rewritten, rounded or truncated.
	 */
	public boolean widens(ColumnType old) {
		if (equals(old)) {
			return true;
		}
		boolean stringTypes = (old.base.equals("varchar") || old.base.equals("text"))
				&& (this.base.equals("varchar") || this.base.equals("text"));
		if (stringTypes) {
			if (this.modifiers.isEmpty()) {
				return true;
			}
			return old.base.equals("varchar") && !old.modifiers.isEmpty()
					&& this.modifiers.get(0) >= old.modifiers.get(0);
		}
		if (this.base.equals("numeric") && old.base.equals("numeric")) {
			if (this.modifiers.isEmpty()) {
				return true;
			}
			return old.modifiers.size() == 2 && this.modifiers.size() == 2
					&& this.modifiers.get(0) >= old.modifiers.get(0)
					&& this.modifiers.get(1).equals(old.modifiers.get(1));
		}
		if (this.base.equals("varbit") && old.base.equals("varbit")) {
			return this.modifiers.isEmpty()
					|| (!old.modifiers.isEmpty() && this.modifiers.get(0) >= old.modifiers.get(0));
		}
		return false;
	}

}
