package dev.migsh.core.safety;

/**
 * The outcome of one pre-flight check: its name, OK, WARN or FAIL, one line saying what
 * was found, and (for WARN and FAIL) what to do about it.
 */
public record CheckResult(String name, Status status, String line, String hint) {

	/** ✔, ⚠ or ✖ as the shell prints them. */
	public enum Status {

		OK("✔"), WARN("⚠"), FAIL("✖");

		private final String symbol;

		Status(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return this.symbol;
		}

	}

	public CheckResult {
		hint = (hint == null) ? "" : hint;
	}

	public static CheckResult ok(String name, String line) {
		return new CheckResult(name, Status.OK, line, "");
	}

	public static CheckResult warn(String name, String line, String hint) {
		return new CheckResult(name, Status.WARN, line, hint);
	}

	public static CheckResult fail(String name, String line, String hint) {
		return new CheckResult(name, Status.FAIL, line, hint);
	}

}
