package dev.migsh.core.safety;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.postgres.PostgresErrors;

/**
 * Runs the pre-flight checks in order. A check that cannot run (its query failed) fails
 * with the server's message rather than stopping the others.
 */
public final class Preflight {

	private final List<PreflightCheck> checks;

	public Preflight(List<PreflightCheck> checks) {
		this.checks = List.copyOf(checks);
	}

	/** The checks {@code apply} runs, in the order DESIGN.md lists them. */
	public static Preflight standard() {
		return new Preflight(List.of(new ConnectionCheck(), new PrimaryCheck(), new PlanCheck(), new PrivilegeCheck(),
				new MigrationLockCheck(), new HistoryTablesCheck(), new HistoryCheck(), new VersionOrderCheck(),
				new FindingsCheck(), new ExistingObjectsCheck(), new MissingObjectsCheck(), new InvalidIndexCheck(),
				new OtherSessionsCheck(), new SslCheck()));
	}

	/**
	 * The checks {@code undo} runs: the server, the lock and SSL (the plan-dependent ones
	 * do not apply, and the undo plan refuses changed or missing migrations itself).
	 */
	public static Preflight forUndo() {
		return new Preflight(List.of(new ConnectionCheck(), new PrimaryCheck(), new PrivilegeCheck(),
				new MigrationLockCheck(), new HistoryTablesCheck(), new SslCheck()));
	}

	/**
	 * The checks of a change that writes records only (mark-applied, mark-pending,
	 * repair, baseline, trash purge): the server, a primary, the privileges on migsh's
	 * tables, the lock, the history's own tables and SSL.
	 */
	public static Preflight forRecords() {
		return forUndo();
	}

	/**
	 * The checks of the changes that mend or wipe a damaged history ({@code repair
	 * --from-audit}, {@code reset}): as {@link #forRecords()} without the history tables
	 * check, whose damage they are there to fix.
	 */
	public static Preflight forRecovery() {
		return new Preflight(List.of(new ConnectionCheck(), new PrimaryCheck(), new PrivilegeCheck(),
				new MigrationLockCheck(), new SslCheck()));
	}

	public List<PreflightCheck> checks() {
		return this.checks;
	}

	public PreflightReport run(PreflightContext context) {
		List<CheckResult> results = new ArrayList<>();
		for (PreflightCheck check : this.checks) {
			results.add(runOne(check, context));
		}
		return new PreflightReport(results);
	}

	static CheckResult runOne(PreflightCheck check, PreflightContext context) {
		try {
			return check.run(context);
		}
		catch (SQLException ex) {
			return CheckResult.fail(check.name(), "could not check: " + PostgresErrors.describe(ex).summary(),
					"Check the connection and the user's privileges, then run it again.");
		}
		catch (RuntimeException ex) {
			return CheckResult.fail(check.name(), "could not check: " + ex.getMessage(),
					"Check the connection, then run it again.");
		}
	}

}
