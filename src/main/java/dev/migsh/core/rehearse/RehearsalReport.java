package dev.migsh.core.rehearse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.plan.PlanFingerprint;

/**
 * What a rehearsal found: how the copy was made, each pending migration as it ran there,
 * its way back, and the worst lock.
 *
 * @param copy the scratch copy
 * @param migrations the pending migrations in the order apply runs them
 * @param worstLock the strongest lock held longest, if any was taken
 * @param took the whole rehearsal, copy included
 * @param plan the fingerprint of the plan rehearsed, as {@code plan} and {@code apply}
 * compute it: an apply of the same plan can say it was rehearsed
 */
public record RehearsalReport(CopySummary copy, List<MigrationRehearsal> migrations, Optional<WorstLock> worstLock,
		Duration took, PlanFingerprint plan) {

	public RehearsalReport {
		migrations = List.copyOf(migrations);
	}

	/** True when every migration ran on the copy. */
	public boolean succeeded() {
		return this.migrations.stream().allMatch((m) -> m.outcome() == MigrationRehearsal.Outcome.REHEARSED);
	}

	/** The migration that failed, if one did. */
	public Optional<MigrationRehearsal> failed() {
		return this.migrations.stream().filter((m) -> m.outcome() == MigrationRehearsal.Outcome.FAILED).findFirst();
	}

	/** True when no migration's down or second up failed or left another schema. */
	public boolean wayBackProven() {
		return this.migrations.stream()
			.map(MigrationRehearsal::roundTrip)
			.allMatch((r) -> r.outcome() != RoundTrip.Outcome.DIFFERS && r.outcome() != RoundTrip.Outcome.FAILED);
	}

	/**
	 * Every disagreement between the rules and the copy, prefixed with migration and
	 * statement.
	 */
	public List<String> disagreements() {
		return this.migrations.stream()
			.flatMap((m) -> m.disagreements().stream().map((d) -> m.id() + " " + d))
			.toList();
	}

}
