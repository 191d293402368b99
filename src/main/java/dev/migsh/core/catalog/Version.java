package dev.migsh.core.catalog;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A migration's version as written in its file name ({@code 031}, {@code 20241201000000},
 * Flyway's {@code 1.2}); ordered numerically part by part, so
 * {@code 9 < 031 < 20241201000000}.
 */
public record Version(String text, List<BigInteger> parts) implements Comparable<Version> {

	public Version {
		parts = List.copyOf(parts);
	}

	/**
	 * The place of a Flyway repeatable migration ({@code R__name.sql}): it has no
	 * version, its text is empty, and it orders after every numbered version.
	 */
	public static final Version REPEATABLE = new Version("", List.of());

	private static final Pattern SHAPE = Pattern.compile("\\d+([._]\\d+)*");

	private static final Pattern SEPARATOR = Pattern.compile("[._]");

	/**
	 * Parses digits optionally separated by dots or underscores (Flyway's {@code 1_2}).
	 */
	public static Version parse(String text) {
		if (text == null || !SHAPE.matcher(text).matches()) {
			throw new IllegalArgumentException("not a version: " + text);
		}
		List<BigInteger> parts = new ArrayList<>();
		for (String part : SEPARATOR.split(text)) {
			parts.add(new BigInteger(part));
		}
		return new Version(text, parts);
	}

	/** True for {@link #REPEATABLE}, the version-less place of a repeatable migration. */
	public boolean isRepeatable() {
		return this.parts.isEmpty();
	}

	@Override
	public int compareTo(Version other) {
		if (isRepeatable() || other.isRepeatable()) {
			return Boolean.compare(isRepeatable(), other.isRepeatable());
		}
		int n = Math.max(this.parts.size(), other.parts.size());
		for (int i = 0; i < n; i++) {
			BigInteger a = i < this.parts.size() ? this.parts.get(i) : BigInteger.ZERO;
			BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
			int c = a.compareTo(b);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	/** Same number, whatever the leading zeros: {@code 031} and {@code 31}. */
	public boolean sameNumber(Version other) {
		return !isRepeatable() && compareTo(other) == 0;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
