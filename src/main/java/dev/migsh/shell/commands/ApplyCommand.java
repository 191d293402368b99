package dev.migsh.shell.commands;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.UsageException;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.LockRetries;
import dev.migsh.core.change.ApplyChange;
import dev.migsh.core.change.ApplyProposal;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.ResumeChange;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.rehearse.RehearsalReport;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Progress;
import dev.migsh.shell.Style;

/**
 * {@code apply}: pre-flight checks (refusing with exit code 3 on a ✖), the reviewed
 * plan's fingerprint, the production confirmation, then the pending migrations, each in
 * its own transaction with its history row, under the migration lock; after each one the
 * way back.
 */
@Component
public class ApplyCommand extends MigshCommand {

	private final ChangeGuard guard = new ChangeGuard();

	public ApplyCommand() {
		super(CommandSpec.builder("apply")
			.group("Migrations")
			.description("Apply pending migrations (all, one ID, or --to ID), printing the rollback after each")
			.help("Each transactional migration runs in one transaction together with its history row; "
					+ "lock_timeout and statement_timeout are set for each (defaults 5s and 10m).")
			.argument(ArgSpec.optional("ID", "apply only this pending migration", Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.value("to", "ID", "apply pending migrations up to and including ID",
					Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.value("resume", "ID",
					"run a failed migration on from its failed statement, once the file fixes it",
					Completion.ALL_MIGRATIONS))
			.option(OptionSpec.flag("dry-run", "show the pre-flight checks and the plan; change nothing"))
			.option(OptionSpec.flag("yes", "confirm in advance (for scripts and one-shot runs)"))
			.option(OptionSpec.flag("allow-out-of-order", "apply a migration whose version is below an applied one"))
			.option(OptionSpec.flag("allow-data-loss", "run statements the safety rules flag as destroying data"))
			.option(OptionSpec.value("lock-wait", "DURATION", "wait this long for the migration lock (0: fail fast)"))
			.option(KeepHistoryOption.spec())
			.option(OptionSpec.value("lock-timeout", "DURATION",
					"lock_timeout for each migration (default 5s, or the project's)"))
			.option(OptionSpec.value("lock-retries", "N",
					"run a statement that hit lock_timeout again, up to N times (default 3, MIGSH_LOCK_RETRIES; 0: off)"))
			.option(OptionSpec.value("statement-timeout", "DURATION",
					"statement_timeout for each migration (default 10m, or the project's; 0: none)"))
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public ExitCode run(Invocation inv) {
		Migrator migrator = KeepHistoryOption.migrator(inv);
		Optional<String> resume = inv.args().value("resume");
		if (resume.isPresent()) {
			return resume(migrator, resume.get(), inv);
		}
		ApplyTarget target = target(inv);
		ApplyProposal proposal = migrator.proposeApply(new ApplyChange.Request(request(inv, target),
				inv.args().flag("allow-data-loss"), inv.session().reviewedPlan()));
		PreflightView.print(proposal.checks(), inv.out());
		Optional<RehearsalReport> rehearsed = rehearsalOf(proposal, inv);
		rehearsed.ifPresent((r) -> inv.out().println(RehearsalView.verdict(r, inv.out())));
		inv.out().println();
		if (inv.args().flag("dry-run")) {
			return dryRun(proposal, inv);
		}
		if (proposal.checks().refused()) {
			throw proposal.refusal();
		}
		if (proposal.isEmpty()) {
			inv.out().println("Nothing to apply: no pending migrations.");
			return ExitCode.OK;
		}
		Confirmations confirmations = this.guard.confirm(inv, proposal);
		if (rehearsed.isPresent() && rehearsed.get().succeeded()) {
			inv.out().println("Applying the rehearsed plan.");
		}
		Cancellation cancellation = new Cancellation();
		ProgressListener progress = new ProgressListener(inv.out(), "applying");
		ApplyResult result;
		try (var onCtrlC = inv.interrupts().onInterrupt(cancellation::cancel)) {
			try (Progress status = Progress.show(inv.out(), progress::step)) {
				result = migrator.execute(proposal, confirmations, progress, cancellation);
			}
		}
		finally {
			// the history moved on (or may have): the reviewed plan no longer describes
			// what is pending
			inv.session().reviewedPlan(null);
		}
		if (result.applied().isEmpty()) {
			inv.out().println("Nothing to apply: no pending migrations.");
			return ExitCode.OK;
		}
		inv.out()
			.println(inv.out()
				.style(Style.BOLD_GREEN, "Applied " + result.applied().size()
						+ (result.applied().size() == 1 ? " migration." : " migrations.")));
		RollbackView.printWayBack(result.wayBack(), inv.out());
		return ExitCode.OK;
	}

	/** The session's rehearsal, when it rehearsed exactly this plan. */
	private static Optional<RehearsalReport> rehearsalOf(ApplyProposal proposal, Invocation inv) {
		return inv.session()
			.rehearsal()
			.filter((r) -> proposal.plan().map((p) -> p.fingerprint().sameAs(r.plan())).orElse(false));
	}

	private ExitCode resume(Migrator migrator, String id, Invocation inv) {
		if (inv.args().argument("ID").isPresent() || inv.args().value("to").isPresent()) {
			throw new UsageException("apply: --resume ID runs one failed migration on; give no other ID or --to",
					"apply --resume ID");
		}
		ResumeChange.Request request = new ResumeChange.Request(id, inv.args().duration("lock-wait"));
		var proposal = migrator.proposeResume(request);
		proposal.lines().forEach(line -> inv.out().println(line));
		PreflightView.print(proposal.checks(), inv.out());
		inv.out().println();
		if (inv.args().flag("dry-run")) {
			inv.out()
				.println(proposal.checks().refused() ? "Dry run: the resume would be refused; nothing was changed."
						: "Dry run: nothing was changed.");
			return proposal.checks().refused() ? ExitCode.PREFLIGHT_REFUSED : ExitCode.OK;
		}
		Confirmations confirmations = proposal.checks().refused() ? Confirmations.none()
				: this.guard.confirm(inv, proposal);
		Cancellation cancellation = new Cancellation();
		ProgressListener progress = new ProgressListener(inv.out(), "applying");
		ApplyResult result;
		try (var onCtrlC = inv.interrupts().onInterrupt(cancellation::cancel)) {
			try (Progress status = Progress.show(inv.out(), progress::step)) {
				result = migrator.resume(proposal, request, confirmations, progress, cancellation);
			}
		}
		finally {
			inv.session().reviewedPlan(null);
		}
		inv.out()
			.println(inv.out().style(Style.BOLD_GREEN, "Resumed and applied " + result.applied().get(0).id() + "."));
		RollbackView.printWayBack(result.wayBack(), inv.out());
		return ExitCode.OK;
	}

	private static ExitCode dryRun(ApplyProposal proposal, Invocation inv) {
		proposal.plan().ifPresent(plan -> PlanView.print(plan, inv.out()));
		inv.out().println();
		if (proposal.checks().refused()) {
			inv.out()
				.println(inv.out()
					.style(Style.BOLD_RED,
							"Dry run: apply would be refused ("
									+ String.join(", ",
											proposal.checks().failures().stream().map(CheckResult::name).toList())
									+ "); nothing was changed."));
			return ExitCode.PREFLIGHT_REFUSED;
		}
		inv.out().println("Dry run: nothing was changed. Run apply without --dry-run to apply it.");
		return ExitCode.OK;
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

	/** {@code --lock-retries N}, else {@code MIGSH_LOCK_RETRIES}, else 3. */
	static LockRetries lockRetries(Invocation inv) {
		Optional<String> option = inv.args().value("lock-retries");
		String source = option.isPresent() ? "--lock-retries" : "MIGSH_LOCK_RETRIES";
		String text = option.orElse(inv.session().environmentVariables().get("MIGSH_LOCK_RETRIES"));
		if (text == null || text.isBlank()) {
			return new LockRetries(LockRetries.DEFAULT_RETRIES);
		}
		try {
			int n = Integer.parseInt(text.strip());
			if (n >= 0 && n <= 100) {
				return new LockRetries(n);
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException(source + " '" + text + "' is not a number of retries from 0 to 100",
				"for example: apply --lock-retries 5 (0 turns retrying off)");
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
			// the one not given keeps the session's setting (flag, variable, project
			// file)
			request = request.withTimeouts(lockTimeout.orElse(inv.session().project().lockTimeout().value()),
					statementTimeout.orElse(inv.session().project().statementTimeout().value()));
		}
		if (inv.args().flag("allow-out-of-order")) {
			request = request.allowingOutOfOrder();
		}
		return request.withLockRetries(lockRetries(inv));
	}

}
