package dev.migsh.core.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.MigshException;
import dev.migsh.core.adopt.ForeignTool;
import dev.migsh.core.adopt.KeptHistory;
import dev.migsh.core.apply.EngineSettings;
import dev.migsh.core.apply.HistoryExpectation;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationDirectory;
import dev.migsh.core.connect.TargetDatabase;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.history.HistoryHealth;
import dev.migsh.core.history.HistoryInspection;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.plan.PlanFingerprint;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.postgres.PostgresErrors;
import dev.migsh.core.safety.Preflight;
import dev.migsh.core.safety.PreflightContext;
import dev.migsh.core.safety.PreflightReport;

/**
 * What every change use case works with: the pool, the engine settings, and where the
 * change goes. Also the rules they share: production needs its confirmation, and the
 * history read at proposal time must be found again under the lock.
 */
public record ChangeContext(DataSource dataSource, MigratorConfig config, EngineSettings engine,
		TargetDatabase target) {

	/** The migrations folder, read once for one use case. */
	MigrationCatalog catalog() {
		return MigrationDirectory.read(this.config.migrations(), this.config.effectivePlaceholders());
	}

	/**
	 * The status of {@code catalog} against the history as it is now; refused (exit code
	 * 3, before anything else is checked or asked) when the history's own tables are
	 * damaged: a change built on them could run a migration twice.
	 */
	StatusReport status(MigrationCatalog catalog) {
		try (Connection connection = this.dataSource.getConnection()) {
			HistoryHealth health = new HistoryInspection(this.engine.history()).inspect(connection);
			if (health.damaged()) {
				throw new MigshException(
						"The history in schema " + this.config.historySchema() + " is damaged: " + health.summary()
								+ "; nothing was changed",
						health.damages().get(0).fix() + " `status` lists everything found.", ExitCode.PREFLIGHT_REFUSED,
						null);
			}
			return StatusReport.of(catalog, this.engine.history().read(connection));
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the history in schema " + this.config.historySchema(), ex,
					"Check the connection and that the user may read schema " + this.config.historySchema() + ".");
		}
	}

	/**
	 * The status as the history's rows say, damaged or not: for the changes that mend or
	 * wipe a damaged history.
	 */
	StatusReport statusAsIs(MigrationCatalog catalog) {
		try (Connection connection = this.dataSource.getConnection()) {
			return StatusReport.of(catalog, this.engine.history().read(connection));
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the history in schema " + this.config.historySchema(), ex,
					"Check the connection and that the user may read schema " + this.config.historySchema() + ".");
		}
	}

	private static Set<String> changedKeys(PlanFingerprint before, PlanFingerprint after) {
		Set<String> keys = new java.util.TreeSet<>(before.facts().keySet());
		keys.addAll(after.facts().keySet());
		keys.removeIf(k -> java.util.Objects.equals(before.facts().get(k), after.facts().get(k)));
		return keys;
	}

	/** The checks of a change that only writes records. */
	PreflightReport recordChecks(StatusReport status) {
		return Preflight.forRecords()
			.run(PreflightContext.withoutPlan(this.dataSource, this.config, this.target, status));
	}

	/**
	 * The checks of a change that mends or wipes a damaged history (repair --from-audit,
	 * reset): the record checks but the history tables check.
	 */
	PreflightReport recoveryChecks(StatusReport status) {
		return Preflight.forRecovery()
			.run(PreflightContext.withoutPlan(this.dataSource, this.config, this.target, status));
	}

	/**
	 * The production confirmation, when the target is production, after {@code others}.
	 */
	List<Requirement> requirements(String action, Requirement... others) {
		List<Requirement> requirements = new ArrayList<>(List.of(others));
		if (this.target.production()) {
			requirements.add(new Requirement(Confirmation.PRODUCTION,
					action + " on PRODUCTION database " + this.target.database(), this.target.database()));
		}
		return requirements;
	}

	/**
	 * {@code checks} with one more saying what {@code --keep-history} writes to the other
	 * tool's table (found, or created as that tool creates it), or ✖ when it cannot be
	 * kept; unchanged without the option.
	 */
	PreflightReport withKeptHistory(PreflightReport checks, java.util.function.Function<KeptHistory, String> writes) {
		if (this.engine.keepHistory().isEmpty()) {
			return checks;
		}
		ForeignTool tool = this.engine.keepHistory().get();
		List<CheckResult> results = new ArrayList<>(checks.results());
		String name = "keep history";
		try (Connection connection = this.dataSource.getConnection()) {
			KeptHistory kept = KeptHistory.find(connection, tool);
			results.add(CheckResult.ok(name,
					tool.displayName() + " " + kept.qualifiedName()
							+ (kept.exists() ? "" : " (missing: created as " + tool.displayName() + " creates it)")
							+ ": " + writes.apply(kept)));
		}
		catch (MigshException ex) {
			results.add(CheckResult.fail(name, ex.getMessage(), ex.hint()));
		}
		catch (SQLException ex) {
			results
				.add(CheckResult.fail(name, "could not read the " + tool.displayName() + " history: " + ex.getMessage(),
						"Check the connection."));
		}
		return new PreflightReport(results);
	}

	Duration lockWait(Optional<Duration> requested) {
		return requested.orElse(this.config.lockWait());
	}

	/**
	 * Under the lock, the folder and history must be as they were when {@code command}
	 * was proposed; otherwise it refuses, naming what changed, before anything is
	 * written.
	 */
	static HistoryExpectation unchanged(String command, StatusReport proposed) {
		return unchangedBut(command, proposed, Set.of());
	}

	/**
	 * As {@link #unchanged(String, StatusReport)}, except that migrations in
	 * {@code mayBeApplied} may have been applied meanwhile (by a second apply of the same
	 * plan that got the lock first): then this one runs what is still pending, a part of
	 * what was proposed.
	 */
	static HistoryExpectation unchangedBut(String command, StatusReport proposed, Set<String> mayBeApplied) {
		return unchangedBut(command, proposed, mayBeApplied, false);
	}

	/**
	 * As {@link #unchangedBut(String, StatusReport, Set)}; {@code inFlux}: another
	 * session held the lock when the change was proposed, so a migration it was running
	 * without a transaction (a failed row "k/n ran" at that moment) may since have been
	 * applied.
	 */
	static HistoryExpectation unchangedBut(String command, StatusReport proposed, Set<String> mayBeApplied,
			boolean inFlux) {
		PlanFingerprint before = proposed.fingerprint();
		return now -> {
			PlanFingerprint after = now.fingerprint();
			List<String> changes = new ArrayList<>();
			for (String key : changedKeys(before, after)) {
				String was = before.facts().get(key);
				boolean appliedMeanwhile = key.startsWith("history ")
						&& (was == null || (inFlux && was.startsWith("failed ")))
						&& mayBeApplied.contains(key.substring("history ".length()))
						&& after.facts().get(key).startsWith("applied ");
				if (!appliedMeanwhile) {
					changes.add(key);
				}
			}
			if (!changes.isEmpty()) {
				throw new MigshException(
						"The history changed after " + command + " was proposed (another session wrote it): "
								+ String.join("; ", after.changesSince(before)) + "; nothing was changed",
						"Run `status` to see the history now, then run " + command + " again.",
						ExitCode.PREFLIGHT_REFUSED, null);
			}
		};
	}

	/**
	 * Records in the audit trail each check a named override turned from ✖ into ⚠ (today:
	 * production without SSL over the network, allowed by {@code --allow-insecure}), once
	 * the change ran.
	 */
	void auditOverrides(Proposal proposal) {
		List<CheckResult> overridden = proposal.checks()
			.warnings()
			.stream()
			.filter(c -> c.line().contains("allowed by --allow-insecure"))
			.toList();
		if (overridden.isEmpty()) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			for (CheckResult check : overridden) {
				this.engine.history()
					.audit(connection, AuditAction.OVERRIDE, null, AuditOutcome.OK, this.engine.operator(),
							proposal.command() + ": " + check.name() + " " + check.line());
			}
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("The change ran, but its override could not be audited", ex,
					"Check the audit trail with `history`.");
		}
	}

}
