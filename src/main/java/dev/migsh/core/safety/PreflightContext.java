package dev.migsh.core.safety;

import java.util.Optional;

import javax.sql.DataSource;

import dev.migsh.core.Migrator;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.MigshException;
import dev.migsh.core.connect.Environment;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.plan.Planner;
import dev.migsh.core.plan.StatusReport;

/**
 * What the pre-flight checks look at: the database, the engine settings, the environment,
 * the status, and the plan for the target, or why no plan could be made.
 *
 * @param allowDataLoss the operator passed {@code --allow-data-loss}
 */
public record PreflightContext(DataSource dataSource, MigratorConfig config, Environment environment,
		StatusReport status, Optional<MigrationPlan> plan, Optional<MigshException> planProblem,
		boolean allowDataLoss) {

	/**
	 * Reads the status and computes the plan; a plan refusal is kept for the checks to
	 * report.
	 */
	public static PreflightContext prepare(DataSource dataSource, MigratorConfig config, Environment environment,
			ApplyTarget target, boolean allowOutOfOrder, boolean allowDataLoss) {
		StatusReport status = new Migrator(dataSource, config).status();
		try {
			MigrationPlan plan = new Planner(dataSource, config).plan(target, allowOutOfOrder);
			return new PreflightContext(dataSource, config, environment, status, Optional.of(plan), Optional.empty(),
					allowDataLoss);
		}
		catch (MigshException ex) {
			return new PreflightContext(dataSource, config, environment, status, Optional.empty(), Optional.of(ex),
					allowDataLoss);
		}
	}

	/** A context around a plan already made (by {@code plan} or by the caller). */
	public static PreflightContext of(DataSource dataSource, MigratorConfig config, Environment environment,
			StatusReport status, MigrationPlan plan, boolean allowDataLoss) {
		return new PreflightContext(dataSource, config, environment, status, Optional.of(plan), Optional.empty(),
				allowDataLoss);
	}

	/**
	 * A context with no apply plan, for the checks that do not need one
	 * ({@link Preflight#forUndo()}).
	 */
	public static PreflightContext withoutPlan(DataSource dataSource, MigratorConfig config, Environment environment,
			StatusReport status) {
		return new PreflightContext(dataSource, config, environment, status, Optional.empty(), Optional.empty(), false);
	}

	/** The plan-dependent checks say this when there is no plan. */
	CheckResult withoutPlan(String name) {
		return CheckResult.warn(name, "not checked: no plan could be made", "See the plan check above.");
	}

}
