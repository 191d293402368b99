package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class PasswordLiteralRule extends StatementRule {

	PasswordLiteralRule() {
		super("OP-11", Severity.WARNING, "Role password written in a migration",
				"The clear-text password is committed to the repository, and the server may log the statement "
						+ "(log_statement, errors) where anyone reading logs sees it.",
				"Set passwords outside migrations (psql \\password, a secret manager); if a migration must set one, "
						+ "use a pre-hashed SCRAM verifier: PASSWORD 'SCRAM-SHA-256$4096:...'.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		boolean role = (t.startsWith("create") || t.startsWith("alter"))
				&& (t.at(1, "role") || t.at(1, "user") || t.at(1, "group"));
		int password = t.find(0, "password");
		if (!role || password < 0) {
			return List.of();
		}
		// The literal itself must never reach a message: only whether it is there.
		boolean clearText = t.stringAt(password + 1)
			.filter(value -> !value.startsWith("SCRAM-SHA-256$") && !value.matches("md5[0-9a-f]{32}"))
			.isPresent();
		return clearText ? List.of("a clear-text password for role " + t.identifier(2) + " is written in the migration")
				: List.of();
	}

}
