package dev.migsh.core.lint.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class LongIdentifierRule extends StatementRule {

	private static final int MAX_BYTES = 63;

	LongIdentifierRule() {
		super("OP-04", Severity.WARNING, "Identifier longer than 63 bytes",
				"PostgreSQL silently truncates longer names (a NOTICE only), so a later statement using the full "
						+ "name does not find the object, and two long names can collide.",
				"Choose a name of at most 63 bytes (UTF-8).");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		List<String> messages = new ArrayList<>();
		Tokens t = ctx.tokens();
		for (int i = 0; i < t.size(); i++) {
			String name = t.identifier(i);
			if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
				messages.add("identifier " + name.substring(0, 20) + "... is "
						+ name.getBytes(StandardCharsets.UTF_8).length + " bytes; PostgreSQL keeps only the first 63");
			}
		}
		return messages;
	}

}
