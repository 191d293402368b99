package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class RenameEnumValueRule extends StatementRule {

	RenameEnumValueRule() {
		super("BC-04", Severity.WARNING, "ALTER TYPE ... RENAME VALUE",
				"Running code that sends the old label gets 'invalid input value for enum' as soon as the rename "
						+ "commits.",
				"Add the new value (ALTER TYPE e ADD VALUE 'new'), migrate the rows, deploy code that uses it, and "
						+ "stop using the old label; retire it later.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		int rename = t.find(0, "rename", "value");
		if (t.startsWith("alter", "type") && rename >= 0) {
			return List.of("renaming enum value " + t.stringAt(rename + 2).orElse("?") + " of "
					+ t.nameAt(2).map(Object::toString).orElse("?") + " breaks code that still sends it");
		}
		return List.of();
	}

}
