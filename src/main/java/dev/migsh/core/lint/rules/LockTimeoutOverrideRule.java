package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class LockTimeoutOverrideRule extends StatementRule {

	private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|h|d)?\\s*");

	LockTimeoutOverrideRule() {
		super("OP-01", Severity.ERROR, "lock_timeout raised above the default or disabled",
				"A DDL statement waiting for its lock blocks every query queued behind it; lock_timeout bounds that "
						+ "wait. Raising it, or setting 0 (wait forever), lets one long transaction stall the "
						+ "application.",
				"Leave lock_timeout as migsh sets it, or lower it; retry the migration when it times out rather "
						+ "than waiting longer.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		long limit = ctx.lint().defaultLockTimeoutMillis();
		if (t.startsWith("reset", "lock_timeout") || t.startsWith("reset", "all")) {
			return List.of("RESET puts lock_timeout back to the server default, usually 0 (wait forever)");
		}
		String value = null;
		if (t.startsWith("set")) {
			int name = t.skip(t.skip(1, "local"), "session");
			if (!t.at(name, "lock_timeout")) {
				return List.of();
			}
			int v = name + 1;
			if (t.at(v, "to") || t.is(v, "=")) {
				v++;
			}
			value = t.at(v, "default") ? "default" : t.stringAt(v).orElse(v < t.size() ? t.get(v).text() : "");
		}
		int call = t.find(0, "set_config", "(");
		if (call >= 0 && t.stringAt(call + 2).filter("lock_timeout"::equals).isPresent()) {
			value = t.stringAt(call + 4).orElse("?");
		}
		if (value == null) {
			return List.of();
		}
		if (value.equalsIgnoreCase("default")) {
			return List.of("lock_timeout TO DEFAULT is the server default, usually 0 (wait forever)");
		}
		OptionalLong millis = millis(value);
		if (millis.isEmpty()) {
			return List.of();
		}
		if (millis.getAsLong() == 0) {
			return List.of("lock_timeout 0 disables the timeout: the statement may wait for its lock forever");
		}
		if (millis.getAsLong() > limit) {
			return List.of("lock_timeout " + value + " is longer than the " + limit + " ms migsh uses");
		}
		return List.of();
	}

	static OptionalLong millis(String value) {
		Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
		if (!m.matches()) {
			return OptionalLong.empty();
		}
		double amount = Double.parseDouble(m.group(1));
		String unit = (m.group(2) != null) ? m.group(2) : "ms";
		long factor = switch (unit) {
			case "s" -> 1_000L;
			case "min" -> 60_000L;
			case "h" -> 3_600_000L;
			case "d" -> 86_400_000L;
			default -> 1L;
		};
		return OptionalLong.of((long) (amount * factor));
	}

}
