package dev.migsh.core.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.apply.HistoryExpectation;
import dev.migsh.core.apply.Apply;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.plan.PlanFingerprint;
import dev.migsh.core.plan.Planner;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.Preflight;
import dev.migsh.core.safety.PreflightContext;
import dev.migsh.core.safety.PreflightReport;

/**
 * The {@code apply} use case: proposes the plan with its pre-flight checks (and, when the
 * session reviewed a plan, whether it still holds), then runs it under the lock once
 * confirmed, refusing if the history moved in between.
 */
public final class ApplyChange {

	/**
	 * @param reviewed the fingerprint of the plan this session last showed, which the
	 * apply holds itself to
	 */
	public record Request(ApplyRequest engine, boolean allowDataLoss, Optional<PlanFingerprint> reviewed) {

		public static Request of(ApplyRequest engine) {
			return new Request(engine, false, Optional.empty());
		}

	}

	private final ChangeContext context;

	public ApplyChange(ChangeContext context) {
		this.context = context;
	}

	public ApplyProposal propose(Request request) {
		ApplyProposal proposal = proposeOnce(request);
		// another apply may have run whole between reading the history and checking the
		// objects it created: a history that moved meanwhile makes the proposal stale
		for (int again = 0; again < 3 && objectCheckFailed(proposal.checks())
				&& !this.context.status(proposal.catalog())
					.fingerprint()
					.sameAs(proposal.status().fingerprint()); again++) {
			proposal = proposeOnce(request);
		}
		return proposal;
	}

	private static boolean objectCheckFailed(PreflightReport checks) {
		return checks.results()
			.stream()
			.anyMatch(r -> IN_FLUX_CHECKS.contains(r.name()) && r.status() == CheckResult.Status.FAIL);
	}

	private ApplyProposal proposeOnce(Request request) {
		MigrationCatalog catalog = this.context.catalog();
		StatusReport status = this.context.status(catalog);
		Optional<MigrationPlan> plan = Optional.empty();
		Optional<MigshException> problem = Optional.empty();
		try {
			plan = Optional.of(new Planner(this.context.dataSource(), this.context.config())
				.plan(request.engine().target(), status, request.engine().allowOutOfOrder()));
		}
		catch (MigshException ex) {
			problem = Optional.of(ex);
		}
		PreflightReport checks = Preflight.standard()
			.run(PreflightContext.of(this.context.dataSource(), this.context.config(), this.context.target(), status,
					plan, problem, request.allowDataLoss()));
		if (request.reviewed().isPresent() && plan.isPresent()) {
			checks = withReviewCheck(checks, request.reviewed().get(), plan.get().fingerprint());
		}
		checks = deferredWhileLocked(lockTakenMeanwhile(checks));
		List<dev.migsh.core.catalog.MigrationFile> files = plan.map(p -> p.steps().stream().map(s -> s.file()).toList())
			.orElse(List.of());
		if (!files.isEmpty()) {
			checks = this.context.withKeptHistory(checks, kept -> kept.describeApplying(files));
		}
		int count = plan.map(p -> p.steps().size()).orElse(0);
		return new ApplyProposal(request, catalog, status, plan, checks,
				this.context.requirements("apply " + count + (count == 1 ? " migration" : " migrations")));
	}

	public ApplyResult execute(ApplyProposal proposal, Confirmations confirmations, ApplyListener listener,
			Cancellation cancellation) {
		confirmations.check(proposal);
		if (proposal.isEmpty()) {
			return ApplyResult.nothing();
		}
		boolean inFlux = lockedByAnother(proposal.checks());
		HistoryExpectation expected = ChangeContext.unchangedBut("apply", proposal.status(), planned(proposal, inFlux),
				inFlux);
		var result = new Apply(this.context.engine()).run(proposal.catalog(), proposal.request().engine(), status -> {
			expected.check(status);
			refuseDeferredIfNothingMoved(proposal, status);
		}, listener, cancellation);
		this.context.auditOverrides(proposal);
		return result;
	}

	/**
	 * What may be applied meanwhile by another session: the plan's migrations; when no
	 * plan could be made while another session held the lock (its migration in progress
	 * looked failed), every migration of the folder — the plan is then made under the
	 * lock.
	 */
	private static java.util.Set<String> planned(ApplyProposal proposal, boolean inFlux) {
		if (proposal.plan().isEmpty() && inFlux) {
			return proposal.status()
				.rows()
				.stream()
				.filter(r -> r.file().isPresent())
				.map(r -> r.id())
				.collect(java.util.stream.Collectors.toSet());
		}
		return proposal.plan()
			.map(p -> p.steps().stream().map(s -> s.file().id()).collect(java.util.stream.Collectors.toSet()))
			.orElse(java.util.Set.of());
	}

	/**
	 * The lock was free when pre-flight looked, but an object check failed: another apply
	 * may have taken the lock between the two and created those objects. Asked once more,
	 * a holder now makes the failure one to decide under the lock.
	 */
	private PreflightReport lockTakenMeanwhile(PreflightReport checks) {
		if (!objectCheckFailed(checks) || lockedByAnother(checks)) {
			return checks;
		}
		String table = new dev.migsh.core.history.HistoryTable(this.context.config().historySchema()).qualifiedName();
		Optional<dev.migsh.core.apply.LockHolder> holder;
		try (java.sql.Connection connection = this.context.dataSource().getConnection()) {
			holder = dev.migsh.core.apply.MigrationLock.holder(connection, table);
		}
		catch (java.sql.SQLException ex) {
			return checks;
		}
		if (holder.isEmpty()) {
			return checks;
		}
		return new PreflightReport(checks.results()
			.stream()
			.map(r -> r.name().equals("migration lock") ? CheckResult.warn(r.name(),
					"held by " + holder.get().describe() + " (taken while pre-flight ran); the change waits for it",
					"It waits up to --lock-wait (Ctrl-C stops waiting).") : r)
			.toList());
	}

	private static boolean lockedByAnother(PreflightReport checks) {
		return checks.results()
			.stream()
			.anyMatch(r -> r.name().equals("migration lock") && r.status() == CheckResult.Status.WARN);
	}

	/**
	 * While another session holds the migration lock it may be applying this very plan,
	 * so what the catalog shows is in flux: a ✖ of the object checks becomes a ⚠ here,
	 * and is decided under the lock (see {@link #refuseDeferredIfNothingMoved}).
	 */
	private static PreflightReport deferredWhileLocked(PreflightReport checks) {
		if (!lockedByAnother(checks)) {
			return checks;
		}
		return new PreflightReport(checks.results()
			.stream()
			.map(r -> IN_FLUX_CHECKS.contains(r.name()) && r.status() == CheckResult.Status.FAIL
					? CheckResult.warn(r.name(), r.line() + DEFERRED, r.hint()) : r)
			.toList());
	}

	/**
	 * Under the lock: when nobody applied anything while this apply waited, an object
	 * check that was deferred stands, and refuses as it would have without the wait.
	 */
	private static void refuseDeferredIfNothingMoved(ApplyProposal proposal, StatusReport underLock) {
		List<CheckResult> deferred = proposal.checks()
			.results()
			.stream()
			.filter(r -> r.line().endsWith(DEFERRED))
			.toList();
		if (deferred.isEmpty() || !underLock.fingerprint().sameAs(proposal.status().fingerprint())) {
			return;
		}
		CheckResult first = deferred.get(0);
		throw new MigshException("Pre-flight refused the apply: " + first.name() + " failed: "
				+ first.line().substring(0, first.line().length() - DEFERRED.length()) + "; nothing was changed",
				first.hint(), ExitCode.PREFLIGHT_REFUSED, null);
	}

	// the lock holder may be an apply of this plan: its table locks, the INVALID index of
	// a concurrent build it is running, and the row of a migration it runs without a
	// transaction (failed at k/n until it ends), and the history tables it is creating on
	// a
	// fresh database are in flux too; the plan is made again
	// under the lock, and refuses there what still stands
	private static final java.util.Set<String> IN_FLUX_CHECKS = java.util.Set.of("objects to create",
			"objects to change", "invalid indexes", "other sessions", "plan", "history", "history tables");

	private static final String DEFERRED = " (another session holds the lock and may be applying it: decided"
			+ " again once the lock is free)";

	/** A check that fails when the plan reviewed in this session no longer holds. */
	private static PreflightReport withReviewCheck(PreflightReport checks, PlanFingerprint reviewed,
			PlanFingerprint now) {
		List<CheckResult> results = new ArrayList<>(checks.results());
		String name = "reviewed plan";
		if (!Objects.equals(reviewed.facts().get("target"), now.facts().get("target"))) {
			results.add(CheckResult.ok(name, "the plan reviewed in this session was for "
					+ reviewed.facts().get("target") + "; this apply is for " + now.facts().get("target")));
		}
		else if (now.sameAs(reviewed)) {
			results.add(CheckResult.ok(name, "unchanged since it was reviewed (fingerprint " + now.hash() + ")"));
		}
		else {
			results.add(CheckResult.fail(name,
					"changed since it was reviewed (fingerprint " + reviewed.hash() + ", now " + now.hash() + "): "
							+ String.join("; ", now.changesSince(reviewed)),
					"Run `plan` again, review what changed, then apply."));
		}
		return new PreflightReport(results);
	}

}
