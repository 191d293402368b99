package dev.migsh.core.safety;

import java.util.Optional;

import javax.sql.DataSource;

import dev.migsh.core.MigratorConfig;
import dev.migsh.core.MigshException;
import dev.migsh.core.connect.Environment;
import dev.migsh.core.connect.TargetDatabase;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.plan.StatusReport;

/**
 * What the pre-flight checks look at: the database, the engine settings, where the change
 * goes (environment, host), the status, and the plan for the target, or why no plan could
 * be made.
 *
 * @param allowDataLoss the operator passed {@code --allow-data-loss}
 */
public record PreflightContext(DataSource dataSource, MigratorConfig config, TargetDatabase target, StatusReport status,
		Optional<MigrationPlan> plan, Optional<MigshException> planProblem, boolean allowDataLoss,
		PlanFollowed followed) {

	/** A context whose plan has not been followed against the database yet. */
	public PreflightContext(DataSource dataSource, MigratorConfig config, TargetDatabase target, StatusReport status,
			Optional<MigrationPlan> plan, Optional<MigshException> planProblem, boolean allowDataLoss) {
		this(dataSource, config, target, status, plan, planProblem, allowDataLoss, new PlanFollowed());
	}

	/** A context around a plan, or the refusal that stopped one from being made. */
	public static PreflightContext of(DataSource dataSource, MigratorConfig config, TargetDatabase target,
			StatusReport status, Optional<MigrationPlan> plan, Optional<MigshException> planProblem,
			boolean allowDataLoss) {
		return new PreflightContext(dataSource, config, target, status, plan, planProblem, allowDataLoss);
	}

	/**
	 * A context with no apply plan, for the checks that do not need one
	 * ({@link Preflight#forUndo()}, {@link Preflight#forRecords()}).
	 */
	public static PreflightContext withoutPlan(DataSource dataSource, MigratorConfig config, TargetDatabase target,
			StatusReport status) {
		return new PreflightContext(dataSource, config, target, status, Optional.empty(), Optional.empty(), false);
	}

	public Environment environment() {
		return this.target.environment();
	}

	/** The plan-dependent checks say this when there is no plan. */
	CheckResult withoutPlan(String name) {
		return CheckResult.warn(name, "not checked: no plan could be made", "See the plan check above.");
	}

}
