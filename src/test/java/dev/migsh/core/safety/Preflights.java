package dev.migsh.core.safety;

import java.util.Optional;

import javax.sql.DataSource;

import dev.migsh.core.Migrator;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.MigshException;
import dev.migsh.core.connect.TargetDatabase;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.plan.StatusReport;

/**
 * Builds a pre-flight context the way {@code apply}'s proposal does, for the checks'
 * tests.
 */
final class Preflights {

	private Preflights() {
	}

	static PreflightContext context(DataSource ds, MigratorConfig config, TargetDatabase target,
			ApplyTarget applyTarget, boolean allowDataLoss) {
		Migrator migrator = new Migrator(ds, config, target);
		StatusReport status = migrator.status();
		try {
			MigrationPlan plan = migrator.plan(applyTarget, false);
			return PreflightContext.of(ds, config, target, status, Optional.of(plan), Optional.empty(), allowDataLoss);
		}
		catch (MigshException ex) {
			return PreflightContext.of(ds, config, target, status, Optional.empty(), Optional.of(ex), allowDataLoss);
		}
	}

}
