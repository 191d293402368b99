package dev.migsh.core.apply;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.plan.WayBack;

/**
 * The migrations an {@code apply} ran, in order (empty when nothing was pending), and the
 * migration that was the latest applied before the run, where the way back ends.
 */
public record ApplyResult(List<MigrationResult> applied, Optional<String> latestBefore) {

	public ApplyResult {
		applied = List.copyOf(applied);
	}

	public static ApplyResult nothing() {
		return new ApplyResult(List.of(), Optional.empty());
	}

	/** The one command that takes this whole run back, or why there is none. */
	public WayBack wayBack() {
		return WayBack.of(this.applied.stream().map(MigrationResult::rollback).toList(),
				this.applied.stream().map(MigrationResult::id).toList(), this.latestBefore);
	}

}
