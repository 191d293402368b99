package dev.migsh.shell.commands;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.UsageException;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.MigshException;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.plan.PlanFingerprint;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.Preflight;
import dev.migsh.core.safety.PreflightContext;
import dev.migsh.core.safety.PreflightReport;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;

/**
 * {@code apply}: pre-flight checks (refusing with exit code 3 on a ✖), the reviewed
 * plan's fingerprint, the production confirmation, then the pending migrations, each in
 * its own transaction with its history row, under the migration lock; after each one the
 * way back.
 */
@Component
public class ApplyCommand extends MigshCommand {

	private final ProductionGuard guard = new ProductionGuard();

	public ApplyCommand() {
		super(CommandSpec.builder("apply")
			.group("Migrations")
			.description("Apply pending migrations (all, one ID, or --to ID), printing the rollback after each")
			.help("Each transactional migration runs in one transaction together with its history row; "
					+ "lock_timeout and statement_timeout are set for each (defaults 5s and 10m).")
			.argument(ArgSpec.optional("ID", "apply only this pending migration", Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.value("to", "ID", "apply pending migrations up to and including ID",
					Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.flag("dry-run", "show the pre-flight checks and the plan; change nothing"))
			.option(OptionSpec.flag("yes", "confirm in advance (for scripts and one-shot runs)"))
			.option(OptionSpec.flag("allow-out-of-order", "apply a migration whose version is below an applied one"))
			.option(OptionSpec.flag("allow-data-loss", "run statements the safety rules flag as destroying data"))
			.option(OptionSpec.value("lock-wait", "DURATION", "wait this long for the migration lock (0: fail fast)"))
			.option(OptionSpec.value("lock-timeout", "DURATION", "lock_timeout for each migration (default 5s)"))
			.option(OptionSpec.value("statement-timeout", "DURATION",
					"statement_timeout for each migration (default 10m; 0: none)"))
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public ExitCode run(Invocation inv) {
		Migrator migrator = inv.session().migrator(inv.prompter());
		ApplyTarget target = target(inv);
		PreflightContext context = PreflightContext.prepare(inv.session().database(inv.prompter()).dataSource(),
				migrator.config(), inv.session().environment(), target, inv.args().flag("allow-out-of-order"),
				inv.args().flag("allow-data-loss"));
		PreflightReport checks = Preflight.standard().run(context);
		PreflightView.print(checks, inv.out());
		inv.out().println();
		if (inv.args().flag("dry-run")) {
			return dryRun(context, checks, inv);
		}
		checkReviewedPlan(context, inv);
		if (checks.refused()) {
			throw refused(checks);
		}
		if (context.plan().map(MigrationPlan::isEmpty).orElse(false)) {
			inv.out().println("Nothing to apply: no pending migrations.");
			return ExitCode.OK;
		}
		int count = context.plan().get().steps().size();
		this.guard.confirm(inv, "apply " + count + (count == 1 ? " migration" : " migrations"));
		ApplyRequest request = request(inv, target);
		Cancellation cancellation = new Cancellation();
		ProgressListener progress = new ProgressListener(inv.out(), "applying");
		ApplyResult result;
		try (var onCtrlC = inv.interrupts().onInterrupt(cancellation::cancel)) {
			result = migrator.apply(request, progress, cancellation);
		}
		finally {
			// the history moved on (or may have): the reviewed plan no longer describes
			// what is pending
			inv.session().reviewedPlan(null);
		}
		if (result.applied().isEmpty()) {
			inv.out().println("Nothing to apply: no pending migrations.");
		}
		else {
			inv.out()
				.println(inv.out()
					.style(Style.BOLD_GREEN, "Applied " + result.applied().size()
							+ (result.applied().size() == 1 ? " migration." : " migrations.")));
		}
		return ExitCode.OK;
	}

	private static ExitCode dryRun(PreflightContext context, PreflightReport checks, Invocation inv) {
		context.plan().ifPresent(plan -> PlanView.print(plan, inv.out()));
		inv.out().println();
		if (checks.refused()) {
			inv.out()
				.println(inv.out()
					.style(Style.BOLD_RED,
							"Dry run: apply would be refused (" + names(checks) + "); nothing was changed."));
			return ExitCode.PREFLIGHT_REFUSED;
		}
		inv.out().println("Dry run: nothing was changed. Run apply without --dry-run to apply it.");
		return ExitCode.OK;
	}

	/**
	 * Refuses when this session reviewed a plan for the same target and what it relied on
	 * has changed.
	 */
	private static void checkReviewedPlan(PreflightContext context, Invocation inv) {
		Optional<PlanFingerprint> reviewed = inv.session().reviewedPlan();
		if (reviewed.isEmpty() || context.plan().isEmpty()) {
			return;
		}
		PlanFingerprint now = context.plan().get().fingerprint();
		if (!java.util.Objects.equals(reviewed.get().facts().get("target"), now.facts().get("target"))) {
			inv.out()
				.println(inv.out()
					.style(Style.DIM,
							"(The plan reviewed in this session was for " + reviewed.get().facts().get("target")
									+ "; this apply is for " + now.facts().get("target") + ".)"));
			return;
		}
		if (!now.sameAs(reviewed.get())) {
			List<String> changes = now.changesSince(reviewed.get());
			throw new MigshException(
					"The plan changed since it was reviewed (fingerprint " + reviewed.get().hash() + ", now "
							+ now.hash() + "): " + String.join("; ", changes),
					"Run `plan` again, review what changed, then apply.", ExitCode.PREFLIGHT_REFUSED, null);
		}
		inv.out().println("Applying the plan reviewed in this session (fingerprint " + now.hash() + ").");
	}

	private static MigshException refused(PreflightReport checks) {
		return new MigshException("Pre-flight refused the apply: " + names(checks) + " failed; nothing was changed",
				checks.failures().get(0).hint().isBlank() ? "Fix what the ✖ lines name, then run apply again."
						: checks.failures().get(0).hint() + " (`apply --dry-run` shows the checks and the plan.)",
				ExitCode.PREFLIGHT_REFUSED, null);
	}

	private static String names(PreflightReport checks) {
		return String.join(", ", checks.failures().stream().map(CheckResult::name).toList());
	}

	static ApplyTarget target(Invocation inv) {
		Optional<String> id = inv.args().argument("ID");
		Optional<String> to = inv.args().value("to");
		if (id.isPresent() && to.isPresent()) {
			throw new UsageException("apply: give an ID or --to ID, not both",
					"apply ID runs one migration; " + "apply --to ID runs every pending one up to ID");
		}
		return id.map(ApplyTarget::only).orElseGet(() -> to.map(ApplyTarget::upTo).orElse(ApplyTarget.all()));
	}

	private static ApplyRequest request(Invocation inv, ApplyTarget target) {
		ApplyRequest request = ApplyRequest.of(target);
		Optional<Duration> wait = inv.args().duration("lock-wait");
		if (wait.isPresent()) {
			request = request.withLockWait(wait.get());
		}
		Optional<Duration> lockTimeout = inv.args().duration("lock-timeout");
		Optional<Duration> statementTimeout = inv.args().duration("statement-timeout");
		if (lockTimeout.isPresent() || statementTimeout.isPresent()) {
			request = request.withTimeouts(lockTimeout.orElse(Duration.ofSeconds(5)),
					statementTimeout.orElse(Duration.ofMinutes(10)));
		}
		if (inv.args().flag("allow-out-of-order")) {
			request = request.allowingOutOfOrder();
		}
		return request;
	}

}
