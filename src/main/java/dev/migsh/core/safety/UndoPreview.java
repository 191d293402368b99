package dev.migsh.core.safety;

import java.util.List;

import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.lint.Finding;

/**
 * What {@code undo --dry-run} prints: for each migration it would roll back, latest
 * first, the down SQL, its findings, and the data it would destroy.
 */
public record UndoPreview(List<Step> steps) {

	/** One migration's down section as it would run. */
	public record Step(MigrationFile file, boolean transactional, List<SqlStatement> statements, List<Finding> findings,
			List<DataLossEstimate> losses) {

		public Step {
			statements = List.copyOf(statements);
			findings = List.copyOf(findings);
			losses = List.copyOf(losses);
		}

	}

	public UndoPreview {
		steps = List.copyOf(steps);
	}

	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

	/** True when any step destroys data that exists. */
	public boolean losesData() {
		return this.steps.stream()
			.flatMap(s -> s.losses().stream())
			.anyMatch(l -> l.exists() && (l.amount().isEmpty() || l.amount().getAsLong() > 0));
	}

}
