package dev.migsh.core.project;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short durations users write: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}; a
 * bare number is seconds.
 */
final class DurationText {

	private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

	private DurationText() {
	}

	static Optional<Duration> parse(String text) {
		Matcher m = FORM.matcher(text.strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		long n = Long.parseLong(m.group(1));
		String unit = (m.group(2) == null) ? "s" : m.group(2);
		return Optional.of(switch (unit) {
			case "ms" -> Duration.ofMillis(n);
			case "m" -> Duration.ofMinutes(n);
			case "h" -> Duration.ofHours(n);
			default -> Duration.ofSeconds(n);
		});
	}

}
