package dev.migsh.core.change;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.Resume;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.PreflightReport;

/**
 * The {@code apply --resume ID} use case: proposes running a failed non-transactional
 * migration on from its failed statement, refusing when a statement that ran was edited;
 * under the lock, an interrupted statement is settled by the catalog first.
 */
public final class ResumeChange {

	public record Request(String id, Optional<Duration> lockWait) {

		public static Request of(String id) {
			return new Request(id, Optional.empty());
		}

	}

	private final ChangeContext context;

	public ResumeChange(ChangeContext context) {
		this.context = context;
	}

	public RecordsProposal<Optional<Resume.Point>> propose(Request request) {
		MigrationCatalog catalog = this.context.catalog();
		StatusReport status = this.context.status(catalog);
		List<CheckResult> results = new ArrayList<>(this.context.recordChecks(status).results());
		List<String> lines = new ArrayList<>();
		Optional<Resume.Point> point = Optional.empty();
		String id = request.id();
		try {
			Resume.Point p = Resume.check(status, request.id());
			point = Optional.of(p);
			id = p.file().id();
			int total = p.file().up().statements().size();
			results.add(CheckResult.ok("statements that ran",
					p.run().ran() + " of " + total + " ran and are unchanged in the file"));
			lines.add("resume " + id + " at statement " + p.from() + " of " + total + (p.run().interrupted()
					? " (or after it, if the catalog shows the interrupted one completed)" : ""));
			for (SqlStatement s : p.toRun()) {
				lines.add("    " + s.sql().strip().replaceAll("\\s+", " ") + ";");
			}
		}
		catch (MigshException ex) {
			results.add(CheckResult.fail("resume", ex.getMessage(), ex.hint()));
		}
		String action = "apply --resume " + id;
		PreflightReport checks = new PreflightReport(results);
		if (point.isPresent()) {
			var file = point.get().file();
			checks = this.context.withKeptHistory(checks, kept -> kept.describeApplying(List.of(file)));
		}
		return new RecordsProposal<>("apply --resume", action, catalog, status, point, lines, checks,
				this.context.requirements(action), false);
	}

	public ApplyResult execute(RecordsProposal<Optional<Resume.Point>> proposal, Request request,
			Confirmations confirmations, ApplyListener listener, Cancellation cancellation) {
		refuseIfFailed(proposal);
		confirmations.check(proposal);
		ApplyResult result = new Resume(this.context.engine()).run(proposal.catalog(),
				proposal.subject().get().file().id(), ChangeContext.unchanged("apply --resume", proposal.status()),
				this.context.lockWait(request.lockWait()), listener, cancellation);
		this.context.auditOverrides(proposal);
		return result;
	}

	/** Its own ✖ carries the whole story (what ran, why it cannot): thrown as it is. */
	private static void refuseIfFailed(Proposal proposal) {
		for (CheckResult check : proposal.checks().failures()) {
			if (check.name().equals("resume")) {
				throw new MigshException(check.line(), check.hint(), ExitCode.PREFLIGHT_REFUSED, null);
			}
		}
		if (proposal.checks().refused()) {
			throw proposal.refusal();
		}
	}

}
