package dev.migsh.core.connect;

import java.util.Objects;

/**
 * A password held so that printing it shows {@code ****}; only the JDBC layer calls
 * {@link #reveal()}. Two secrets are equal when their values are.
 */
public final class Secret {

	static final String MASK = "****";

	private final String value;

	private Secret(String value) {
		this.value = Objects.requireNonNull(value, "value");
	}

	public static Secret of(String value) {
		return new Secret(value);
	}

	/**
	 * A secret for a value that may be absent: {@code null} or empty gives {@code null}.
	 */
	static Secret ofNullable(String value) {
		return (value == null || value.isEmpty()) ? null : new Secret(value);
	}

	/** The password itself, for the JDBC driver and nothing else. */
	public String reveal() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Secret secret && this.value.equals(secret.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return MASK;
	}

}
