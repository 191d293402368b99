package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class EnumValueOrderRule extends StatementRule {

	EnumValueOrderRule() {
		super("BC-09", Severity.INFO, "ALTER TYPE ... ADD VALUE without BEFORE/AFTER",
				"Enum values sort in declaration order, so where the new value lands changes the meaning of "
						+ "comparisons such as WHERE status < 'approved'.",
				"Say where the value goes: ALTER TYPE e ADD VALUE 'v' BEFORE 'w' (or AFTER 'u').");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (t.startsWith("alter", "type") && t.contains("add", "value") && !t.contains("before")
				&& !t.contains("after")) {
			return List.of("the new value of " + t.nameAt(2).map(Object::toString).orElse("?")
					+ " is appended last, which decides how it sorts");
		}
		return List.of();
	}

}
