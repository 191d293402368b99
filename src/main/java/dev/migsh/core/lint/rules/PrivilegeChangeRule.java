package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class PrivilegeChangeRule extends StatementRule {

	PrivilegeChangeRule() {
		super("BC-11", Severity.WARNING, "REVOKE, OWNER TO, DROP ROLE or DROP OWNED",
				"The application's role can lose access the moment the statement commits, while the running code "
						+ "still needs it.",
				"Grant the new privileges (or create the new role) first, deploy, and revoke or drop the old ones in "
						+ "a later migration.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (t.startsWith("revoke")) {
			return List.of("REVOKE takes privileges away from running code immediately");
		}
		if (t.startsWith("alter") && t.containsTopLevel("owner", "to")) {
			return List.of("changing the owner can take away privileges running code relies on");
		}
		if (t.startsWith("drop", "role") || t.startsWith("drop", "user") || t.startsWith("drop", "group")
				|| t.startsWith("drop", "owned") || t.startsWith("reassign", "owned")) {
			return List.of(t.slice(0, 2).text().toUpperCase(java.util.Locale.ROOT)
					+ " removes access that running code may still use");
		}
		return List.of();
	}

}
