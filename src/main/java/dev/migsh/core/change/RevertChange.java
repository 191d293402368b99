package dev.migsh.core.change;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.Revert;
import dev.migsh.core.apply.Trash;
import dev.migsh.core.apply.UndoResult;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.DdlObjects;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.PreflightReport;

/**
 * {@code undo ID} on a failed migration: proposes the down statements that reverse only
 * the up statements that ran, shown and confirmed first (it destroys what they made;
 * dropped data is kept in migsh_trash), then runs them and removes the failed row.
 */
public final class RevertChange {

	public record Request(String id, Optional<Duration> lockWait) {

		public static Request of(String id) {
			return new Request(id, Optional.empty());
		}

	}

	private final ChangeContext context;

	public RevertChange(ChangeContext context) {
		this.context = context;
	}

	/** True when {@code id} is recorded as failed, so that undo reverts what ran. */
	public boolean applies(String id) {
		return Revert.isFailed(this.context.status(this.context.catalog()), id);
	}

	public RecordsProposal<Optional<Revert.Point>> propose(Request request) {
		MigrationCatalog catalog = this.context.catalog();
		StatusReport status = this.context.status(catalog);
		List<CheckResult> results = new ArrayList<>(this.context.recordChecks(status).results());
		List<String> lines = new ArrayList<>();
		Optional<Revert.Point> point = Optional.empty();
		String id = request.id();
		String what = "revert of " + id;
		try {
			Revert.Point p = Revert.check(status, request.id());
			point = Optional.of(p);
			id = p.file().id();
			lines.add("revert " + id + ": statements 1-" + p.ran() + " of " + p.file().up().statements().size() + " ran"
					+ (p.run().interrupted()
							? " (statement " + (p.ran() + 1) + " was interrupted: the catalog decides under the lock)"
							: ""));
			for (SqlStatement s : p.toRun()) {
				lines.add("    " + s.sql().strip().replaceAll("\\s+", " ") + ";");
			}
			List<DbObject> destroys = DdlObjects.destroyed(p.toRun());
			what = "revert of " + id + " runs " + p.toRun().size() + " down statement(s)"
					+ (destroys.isEmpty() ? ""
							: " destroying " + String.join(", ", destroys.stream().map(DbObject::describe).toList())
									+ " (data kept in " + Trash.SCHEMA + ")");
			results.add(CheckResult.ok("down section",
					"one down statement per up statement: reverses the " + p.ran() + " that ran"));
		}
		catch (MigshException ex) {
			results.add(CheckResult.fail("revert", ex.getMessage(), ex.hint()));
		}
		String action = "undo " + id;
		return new RecordsProposal<>("undo", action, catalog, status, point, lines, new PreflightReport(results),
				this.context.requirements(action, new Requirement(Confirmation.DESTRUCTIVE, what, "yes")), false);
	}

	public UndoResult execute(RecordsProposal<Optional<Revert.Point>> proposal, Request request,
			Confirmations confirmations, ApplyListener listener, Cancellation cancellation) {
		refuseIfFailed(proposal);
		confirmations.check(proposal);
		UndoResult result = new Revert(this.context.engine()).run(proposal.catalog(),
				proposal.subject().get().file().id(), ChangeContext.unchanged("undo", proposal.status()),
				this.context.lockWait(request.lockWait()), listener, cancellation);
		this.context.auditOverrides(proposal);
		return result;
	}

	/** Its own ✖ carries the whole story (what ran, why it cannot): thrown as it is. */
	private static void refuseIfFailed(Proposal proposal) {
		for (CheckResult check : proposal.checks().failures()) {
			if (check.name().equals("revert")) {
				throw new MigshException(check.line(), check.hint(), ExitCode.PREFLIGHT_REFUSED, null);
			}
		}
		if (proposal.checks().refused()) {
			throw proposal.refusal();
		}
	}

}
