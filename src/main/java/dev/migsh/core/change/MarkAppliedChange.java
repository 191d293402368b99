package dev.migsh.core.change;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.LockWaitListener;
import dev.migsh.core.apply.MarkApplied;
import dev.migsh.core.apply.MarkResult;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.PreflightReport;

/**
 * The {@code mark-applied} use case: verifies that the objects a pending migration
 * creates exist, then records it without running it. Verification is a check, not a
 * prompt: missing objects refuse it unless {@code allowMissing}, and then the audit names
 * them.
 */
public final class MarkAppliedChange {

	public record Request(String id, boolean allowMissing, Optional<Duration> lockWait) {

		public static Request of(String id) {
			return new Request(id, false, Optional.empty());
		}

	}

	private final ChangeContext context;

	public MarkAppliedChange(ChangeContext context) {
		this.context = context;
	}

	public RecordsProposal<MarkResult> propose(Request request) {
		MigrationCatalog catalog = this.context.catalog();
		StatusReport status = this.context.status(catalog);
		MarkResult check = new MarkApplied(this.context.engine()).check(status, request.id());
		List<String> lines = new ArrayList<>();
		check.existing().forEach(o -> lines.add("✔ " + o.describe() + " exists"));
		check.missing().forEach(o -> lines.add("✖ " + o.describe() + " does not exist"));
		List<CheckResult> results = new ArrayList<>(this.context.recordChecks(status).results());
		if (check.missing().isEmpty()) {
			results.add(CheckResult.ok("verification",
					check.existing().isEmpty() ? "nothing to verify: the up section creates no named object"
							: "all " + check.existing().size() + " object(s) it creates exist"));
		}
		else if (request.allowMissing()) {
			results.add(CheckResult.warn("verification", check.missing().size() + " object(s) missing: "
					+ names(check.missing()) + "; recorded anyway (--allow-missing), and the audit names them", ""));
		}
		else {
			var refusal = MarkApplied.missing(check.id(), check.missing());
			results.add(CheckResult.fail("verification",
					check.missing().size() + " object(s) missing: " + names(check.missing()), refusal.hint()));
		}
		String action = "mark-applied " + check.id();
		PreflightReport checks = new PreflightReport(results);
		var file = status.resolve(check.id()).file();
		if (file.isPresent()) {
			checks = this.context.withKeptHistory(checks, kept -> kept.describeApplying(List.of(file.get())));
		}
		return new RecordsProposal<>("mark-applied", action, catalog, status, check, lines, checks,
				this.context.requirements(action), false);
	}

	public MarkResult execute(RecordsProposal<MarkResult> proposal, Request request, Confirmations confirmations,
			LockWaitListener listener, Cancellation cancellation) {
		confirmations.check(proposal);
		MarkResult result = new MarkApplied(this.context.engine()).run(proposal.catalog(), proposal.subject().id(),
				request.allowMissing(), ChangeContext.unchanged("mark-applied", proposal.status()),
				this.context.lockWait(request.lockWait()), listener, cancellation);
		this.context.auditOverrides(proposal);
		return result;
	}

	private static String names(List<DbObject> objects) {
		return String.join(", ", objects.stream().map(DbObject::describe).toList());
	}

}
