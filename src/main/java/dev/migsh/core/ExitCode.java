package dev.migsh.core;

/**
 * The process exit codes of one-shot and script runs, as DESIGN.md fixes them.
 */
public enum ExitCode {

	OK(0), FAILED(1), USAGE(2), PREFLIGHT_REFUSED(3), LOCK_BUSY(4);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
