package dev.migsh.core;

/**
 * The process exit codes of one-shot and script runs, as DESIGN.md fixes them, plus 5 for
 * a failed {@code expect} in a runbook and 6 for a check that could not run.
 */
public enum ExitCode {

	OK(0), FAILED(1), USAGE(2), PREFLIGHT_REFUSED(3), LOCK_BUSY(4),

	/** A runbook's {@code expect} guard did not hold; nothing after it ran. */
	EXPECTATION_FAILED(5),

	/**
	 * A check could not run at all ({@code drift} without a scratch database, or a
	 * migration that fails when replayed): not the same as finding drift (1).
	 */
	NOT_CHECKED(6),

	/**
	 * Ended by SIGTERM: the running command was cancelled and rolled back first (128 +
	 * 15, as a shell reports it).
	 */
	TERMINATED(143);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
