package dev.migsh.core.apply;

import java.time.Duration;

import dev.migsh.core.plan.RollbackInstructions;

/**
 * One migration applied: how long it took, how many statements ran, how to roll it back,
 * and how many attempts it took ({@code lockWaited}: the time lost to lock timeouts and
 * the pauses between attempts; zero on a first attempt).
 */
public record MigrationResult(String id, Duration duration, int statements, RollbackInstructions rollback, int attempts,
		Duration lockWaited) {

	public MigrationResult(String id, Duration duration, int statements, RollbackInstructions rollback) {
		this(id, duration, statements, rollback, 1, Duration.ZERO);
	}

	/**
	 * {@code after 3 attempts (4.2 s lost to lock timeouts)}, or empty on a first
	 * attempt.
	 */
	public String attemptsText() {
		if (this.attempts <= 1) {
			return "";
		}
		return "after " + this.attempts + " attempts (" + seconds(this.lockWaited) + " s waiting for locks)";
	}

	static String seconds(Duration d) {
		return String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
	}

}
