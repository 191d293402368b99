package dev.migsh.core.apply;

import java.util.List;

/** The migrations an {@code apply} ran, in order; empty when nothing was pending. */
public record ApplyResult(List<MigrationResult> applied) {

	public ApplyResult {
		applied = List.copyOf(applied);
	}

}
