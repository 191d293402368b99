package dev.migsh.core.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.migsh.core.catalog.CatalogFinding;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.LockInfo;
import dev.migsh.core.lint.LockMode;
import dev.migsh.core.lint.TableName;

/**
 * What {@code plan} shows and {@code apply} runs: each pending migration in order with
 * every statement, its findings, the lock it takes on each table with that table's size,
 * whether it rewrites, and whether a rollback exists; what is odd about the folder
 * (duplicate versions); plus the fingerprint {@code apply} checks.
 */
public record MigrationPlan(ApplyTarget target, int serverVersionNum, List<Step> steps,
		List<CatalogFinding> folderFindings, PlanFingerprint fingerprint) {

	/**
	 * One migration of the plan; {@code why} says why a repeatable runs ("never applied",
	 * "checksum changed ..."), empty for a versioned one.
	 */
	public record Step(MigrationFile file, List<PlannedStatement> statements, RollbackInstructions rollback,
			String why) {

		public Step {
			statements = List.copyOf(statements);
		}

		public List<Finding> findings() {
			return this.statements.stream().flatMap(s -> s.findings().stream()).toList();
		}

	}

	/**
	 * One up statement: its findings, the locks it takes and whether it rewrites or scans
	 * its table.
	 */
	public record PlannedStatement(SqlStatement statement, List<Finding> findings, LockInfo lock,
			List<TableImpact> tables) {

		public PlannedStatement {
			findings = List.copyOf(findings);
			tables = List.copyOf(tables);
		}

	}

	/**
	 * A table a statement locks, with its size and row estimate when it exists; a table
	 * that does not exist yet has {@code stats} empty, and {@code createdByPlan} says
	 * whether an earlier statement of the plan creates it (otherwise the statement will
	 * fail).
	 */
	public record TableImpact(TableName table, LockMode mode, Optional<CatalogFacts.RelationStats> stats,
			boolean createdByPlan) {

		public boolean exists() {
			return this.stats.isPresent();
		}

	}

	public MigrationPlan {
		steps = List.copyOf(steps);
		folderFindings = List.copyOf(folderFindings);
	}

	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

	public List<Finding> findings() {
		return this.steps.stream().flatMap(s -> s.findings().stream()).toList();
	}

	/** Findings that stop an apply: unsuppressed errors. */
	public List<Finding> blockingFindings() {
		return findings().stream().filter(Finding::blocking).toList();
	}

	/**
	 * Data-loss findings not acknowledged in the file; they need
	 * {@code --allow-data-loss}.
	 */
	public List<Finding> dataLossFindings() {
		return findings().stream()
			.filter(f -> f.dataLoss() && !f.suppressed() && f.severity() != dev.migsh.core.lint.Severity.INFO)
			.toList();
	}

	/**
	 * Existing tables the plan locks, each with the strongest mode taken on it, in the
	 * order they are first touched.
	 */
	public Map<String, TableImpact> touchedTables() {
		Map<String, TableImpact> touched = new LinkedHashMap<>();
		for (Step step : this.steps) {
			for (PlannedStatement statement : step.statements()) {
				for (TableImpact impact : statement.tables()) {
					if (!impact.exists()) {
						continue;
					}
					String key = impact.stats().get().qualifiedName();
					TableImpact before = touched.get(key);
					if (before == null || impact.mode().compareTo(before.mode()) > 0) {
						touched.put(key, impact);
					}
				}
			}
		}
		return touched;
	}

}
