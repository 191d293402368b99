package dev.migsh.shell;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsh.core.UsageException;

/**
 * Parses and prints the short durations users type: {@code 500ms}, {@code 5s},
 * {@code 2m}, {@code 1h}.
 */
public final class Durations {

	private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)?");

	private Durations() {
	}

	public static Duration parse(String text, String what) {
		Matcher m = FORM.matcher(text.trim());
		if (!m.matches()) {
			throw new UsageException(what + ": '" + text + "' is not a duration", "write it like 500ms, 5s, 2m or 1h");
		}
		long n = Long.parseLong(m.group(1));
		String unit = m.group(2) == null ? "s" : m.group(2);
		return switch (unit) {
			case "ms" -> Duration.ofMillis(n);
			case "m" -> Duration.ofMinutes(n);
			case "h" -> Duration.ofHours(n);
			default -> Duration.ofSeconds(n);
		};
	}

	public static String format(Duration d) {
		long ms = d.toMillis();
		if (ms < 1000) {
			return ms + " ms";
		}
		if (ms < 60_000) {
			return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
		}
		return String.format(java.util.Locale.ROOT, "%d min %d s", ms / 60_000, (ms % 60_000) / 1000);
	}

}
