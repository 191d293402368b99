package dev.migsh.core.adopt;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsh.core.catalog.Version;

/**
 * A migration name reduced to what two tools agree on: the version as a number and the
 * words after it, lower case, any run of punctuation read as one separator. So
 * {@code 001-create-users}, {@code 1_create_users} and {@code V1__Create_users} are the
 * same.
 */
record NameKey(Optional<Version> version, String words) {

	private static final Pattern VERSIONED = Pattern.compile("^[Vv]?(\\d+(?:[._]\\d+)*)(?:__|[-_.])(.*)$");

	static NameKey of(String stem) {
		Matcher m = VERSIONED.matcher(stem);
		if (m.matches()) {
			return new NameKey(Optional.of(Version.parse(m.group(1))), words(m.group(2)));
		}
		if (stem.matches("[Vv]?\\d+(?:[._]\\d+)*")) {
			return new NameKey(Optional.of(Version.parse(stem.replaceFirst("^[Vv]", ""))), "");
		}
		return new NameKey(Optional.empty(), words(stem));
	}

	/** Lower case, every run of characters other than letters and digits one hyphen. */
	static String words(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", "-").replaceAll("^-|-$", "");
	}

	/** A version as written by another tool, when it is one migsh can compare. */
	static Optional<Version> version(String text) {
		String digits = text.replaceFirst("^[Vv]", "");
		return digits.matches("\\d+(?:[._]\\d+)*") ? Optional.of(Version.parse(digits)) : Optional.empty();
	}

	boolean sameAs(NameKey other) {
		boolean sameVersion = this.version.isPresent() == other.version.isPresent()
				&& (this.version.isEmpty() || this.version.get().sameNumber(other.version.get()));
		return sameVersion && this.words.equals(other.words);
	}

}
