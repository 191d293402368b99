package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class SessionSettingRule extends StatementRule {

	SessionSettingRule() {
		super("TX-07", Severity.WARNING, "SET without LOCAL",
				"A session-level SET (search_path, role, timeouts, session_replication_role) outlives the migration: "
						+ "it leaks into later migrations and into migsh's own history writes.",
				"Use SET LOCAL in a transactional section, so the setting ends with the transaction; in a "
						+ "non-transactional section, RESET it as the section's last statement.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (!t.startsWith("set") || t.at(1, "local") || t.at(1, "transaction") || t.at(1, "constraints")
				|| t.at(1, "session", "characteristics")) {
			return List.of();
		}
		int name = t.skip(1, "session");
		String setting = t.at(name, "session", "authorization") ? "session authorization" : t.word(name);
		if (!ctx.transactional() && ctx.later().stream().anyMatch(later -> resets(later, setting))) {
			return List.of();
		}
		return List.of("SET " + setting + " lasts for the whole session, beyond this migration");
	}

	private static boolean resets(Tokens statement, String setting) {
		return statement.startsWith("reset", "all") || statement.startsWith("reset") && statement.at(1, setting)
				|| statement.startsWith("discard", "all");
	}

	@Override
	String safeAlternative(StatementContext ctx) {
		if (ctx.transactional()) {
			return "SET LOCAL " + ctx.tokens().from(ctx.tokens().skip(1, "session")).text()
					+ " (ends with the section's transaction).";
		}
		return safeAlternative();
	}

}
