package dev.migsh.core.lint;

import java.util.Optional;
import java.util.Set;

/** What can be told about a column type change from the new type alone. */
public final class TypeChanges {

	private static final Set<String> SMALL_TYPES = Set.of("smallint", "int2", "int", "int4", "integer", "real",
			"float4", "date", "char", "character", "bpchar");

	private TypeChanges() {
	}

	/**
	 * True when the new type can hold less than common wider types: bounded lengths or
	 * precisions ({@code varchar(20)}, {@code numeric(10,2)}), small integers,
	 * {@code date}, or {@code timestamp} without time zone.
	 */
	public static boolean mayNarrow(Tokens type) {
		String first = type.word(0);
		if (SMALL_TYPES.contains(first) && !type.at(1, "varying")) {
			return true;
		}
		if (type.contains("(")) {
			return true;
		}
		return (first.equals("timestamp") || first.equals("time")) && !type.contains("with", "time", "zone");
	}

	/**
	 * True when the change can be binary coercible whatever the old type: {@code text} or
	 * unbounded {@code varchar}.
	 */
	public static boolean rewriteFree(Tokens type) {
		String first = type.word(0);
		boolean unbounded = !type.contains("(");
		return (first.equals("text") && type.size() == 1) || (first.equals("varchar") && unbounded)
				|| (type.startsWith("character", "varying") && unbounded) || first.equals("citext");
	}

	/**
	 * True when a USING expression casts to a type that may narrow:
	 * {@code c::varchar(20)}.
	 */
	public static boolean narrowingCast(Tokens using) {
		for (int i = 0; i < using.size(); i++) {
			if (using.is(i, "::")) {
				int end = i + 1;
				while (end < using.size() && !using.is(end, "::") && !using.is(end, ",")) {
					end++;
				}
				if (mayNarrow(using.slice(i + 1, end))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * True when the catalog knows the column's current type and the change only widens it
	 * (or keeps it): PostgreSQL then changes the catalog alone, with nothing rewritten,
	 * rounded or truncated. False without a live catalog or with a USING expression.
	 */
	public static boolean catalogOnly(AlterTable alter, AlterAction action, LintContext ctx) {
		if (action.usingExpression().isPresent() || action.newType().isEmpty() || action.alteredColumn().isEmpty()) {
			return false;
		}
		Optional<ColumnType> old = ctx.columnType(alter.table(), action.alteredColumn().get())
			.flatMap(ColumnType::parse);
		Optional<ColumnType> wanted = ColumnType.parse(action.newType().get());
		return old.isPresent() && wanted.isPresent() && wanted.get().widens(old.get());
	}

}
