package dev.migsh.core.lint;

import java.util.Optional;
import java.util.Set;

/**
 * Why adding a column would rewrite the table, on a given server; empty when it would
 * not.
 */
public final class ColumnDefaults {

	private static final Set<String> SERIALS = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4",
			"serial8");

	private ColumnDefaults() {
	}

	public static Optional<String> rewriteReason(ColumnDefinition column, LintContext lint) {
		if (SERIALS.contains(column.typeName())) {
			return Optional.of("a " + column.typeName() + " column fills every existing row from a sequence");
		}
		if (column.has("generated") && column.has("identity")) {
			return Optional.of("an identity column fills every existing row from a sequence");
		}
		if (column.has("generated") && column.has("stored")) {
			return Optional.of("a stored generated column is computed for every existing row");
		}
		Optional<Tokens> expression = column.defaultExpression();
		if (expression.isEmpty() || isNull(expression.get())) {
			return Optional.empty();
		}
		Optional<String> call = volatileCall(expression.get(), lint);
		if (call.isPresent()) {
			return Optional.of("the default calls " + call.get() + "(), which is volatile, so every existing row "
					+ "gets its own value");
		}
		if (!lint.atLeast(110000)) {
			return Optional.of("before PostgreSQL 11 any DEFAULT is written into every existing row (server is "
					+ lint.majorVersion() + ")");
		}
		return Optional.empty();
	}

	/** The first function called in the expression that the server considers volatile. */
	public static Optional<String> volatileCall(Tokens expression, LintContext lint) {
		for (int i = 0; i + 1 < expression.size(); i++) {
			if (expression.isIdentifier(i) && expression.is(i + 1, "(")) {
				String name = expression.identifier(i);
				if (lint.isVolatile(name)) {
					return Optional.of(name);
				}
			}
		}
		return Optional.empty();
	}

	private static boolean isNull(Tokens expression) {
		return expression.size() == 1 && expression.at(0, "null")
				|| expression.size() >= 3 && expression.at(0, "null", "::");
	}

}
