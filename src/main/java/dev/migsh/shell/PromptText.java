package dev.migsh.shell;

import dev.migsh.core.connect.ConnectionSettings;
import dev.migsh.core.connect.Environment;

/**
 * The prompt: environment, user@database, host and pending migrations, coloured by
 * environment: {@code migsh PROD ops@lms_prod db1.example.com (2 pending)> }; an
 * environment nobody named is marked {@code (inferred)}.
 */
public final class PromptText {

	private PromptText() {
	}

	public static String of(ShellSession session, int pending, boolean colour) {
		if (!session.connected()) {
			return paint("migsh (not connected)> ", Style.DIM, colour);
		}
		ConnectionSettings s = session.currentDatabase().orElseThrow().settings();
		Environment env = session.environment();
		String host = session.sandbox().isPresent() ? "sandbox"
				: s.port() == 5432 ? s.host() : s.host() + ":" + s.port();
		String label = paint(env.label(), switch (env) {
			case DEVELOPMENT -> Style.BOLD_GREEN;
			case STAGING -> Style.BOLD_YELLOW;
			case PRODUCTION -> Style.BOLD_RED;
		}, colour);
		if (session.sandbox().isEmpty() && session.environmentSource().contains("(inferred")) {
			// not named by --env or MIGSH_ENV: say so where the operator looks before
			// every command
			label += paint("(inferred)", Style.DIM, colour);
		}
		String count = pending < 0 ? "" : " (" + pending + " pending)";
		return "migsh " + label + " " + s.user() + "@" + s.database() + " " + host + count + "> ";
	}

	private static String paint(String text, Style style, boolean colour) {
		return colour ? style.apply(text) : text;
	}

}
