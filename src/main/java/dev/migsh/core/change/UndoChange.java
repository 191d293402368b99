package dev.migsh.core.change;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.Trash;
import dev.migsh.core.apply.Undo;
import dev.migsh.core.apply.UndoRequest;
import dev.migsh.core.apply.UndoResult;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.plan.UndoPlan;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.Preflight;
import dev.migsh.core.safety.PreflightContext;
import dev.migsh.core.safety.PreflightReport;
import dev.migsh.core.safety.UndoDryRun;
import dev.migsh.core.safety.UndoPreview;

/**
 * The {@code undo} use case: proposes the down sections to run and what they destroy;
 * data loss needs a confirmation everywhere and, in production, {@code --allow-data-loss}
 * as well. The preview measures the loss on the live database and changes nothing.
 */
public final class UndoChange {

	/**
	 * @param allowDataLoss the operator passed {@code --allow-data-loss}
	 */
	public record Request(UndoRequest engine, boolean allowDataLoss) {

		public static Request of(UndoRequest engine) {
			return new Request(engine, false);
		}

	}

	private final ChangeContext context;

	public UndoChange(ChangeContext context) {
		this.context = context;
	}

	public UndoProposal propose(Request request) {
		MigrationCatalog catalog = this.context.catalog();
		StatusReport status = this.context.status(catalog);
		UndoPlan plan = UndoPlan.of(status, request.engine().target(), request.engine().force());
		List<CheckResult> results = new ArrayList<>(Preflight.forUndo()
			.run(PreflightContext.withoutPlan(this.context.dataSource(), this.context.config(), this.context.target(),
					status))
			.results());
		if (request.engine().target().kind() != dev.migsh.core.plan.UndoTarget.Kind.ONE) {
			for (var failed : status.inState(dev.migsh.core.plan.MigrationState.FAILED)) {
				results.add(CheckResult.fail("failed migration",
						failed.id() + " is recorded as failed (" + failed.detail() + ")", "`undo " + failed.id()
								+ "` reverts the statements of it that ran; `status` shows the others."));
			}
		}
		List<DbObject> destroys = plan.steps().stream().flatMap(s -> s.rollback().destroys().stream()).toList();
		List<Requirement> extra = new ArrayList<>();
		if (!destroys.isEmpty()) {
			String what = "undo destroys " + destroys.size() + " object(s) with their data";
			if (this.context.target().production() && !request.allowDataLoss()) {
				results.add(CheckResult.fail("data loss", what + " in PRODUCTION",
						"Preview it with `undo --dry-run`, take a backup, then pass --allow-data-loss (the data is"
								+ " also kept in " + Trash.SCHEMA + ")."));
			}
			else {
				results.add(CheckResult.warn("data loss", what + "; it is kept in " + Trash.SCHEMA,
						"`undo --dry-run` measures what would be lost."));
			}
			extra.add(new Requirement(Confirmation.DESTRUCTIVE, what, "yes"));
		}
		String action = "undo of " + String.join(", ", plan.steps().stream().map(s -> s.file().id()).toList());
		PreflightReport checks = new PreflightReport(results);
		if (!plan.steps().isEmpty()) {
			List<String> ids = plan.steps().stream().map(s -> s.file().id()).toList();
			List<String> versions = plan.steps().stream().map(s -> s.file().version().text()).toList();
			List<String> remaining = status.appliedInOrder()
				.stream()
				.filter(s -> !ids.contains(s.id()))
				.map(dev.migsh.core.plan.MigrationStatus::version)
				.toList();
			checks = this.context.withKeptHistory(checks, kept -> kept.describeRemoving(ids, versions, remaining));
		}
		return new UndoProposal(request, catalog, status, plan, checks,
				this.context.requirements(action, extra.toArray(Requirement[]::new)));
	}

	/**
	 * What the undo would destroy, measured on the live database; changes nothing and
	 * takes no lock.
	 */
	public UndoPreview preview(Request request) {
		StatusReport status = this.context.status(this.context.catalog());
		UndoPlan plan = UndoPlan.of(status, request.engine().target(), request.engine().force());
		return new UndoDryRun(this.context.dataSource(), this.context.config()).preview(plan);
	}

	public UndoResult execute(UndoProposal proposal, Confirmations confirmations, ApplyListener listener,
			Cancellation cancellation) {
		confirmations.check(proposal);
		if (proposal.isEmpty()) {
			return new UndoResult(List.of());
		}
		var result = new Undo(this.context.engine()).run(proposal.catalog(), proposal.request().engine(),
				ChangeContext.unchanged("undo", proposal.status()), listener, cancellation);
		this.context.auditOverrides(proposal);
		return result;
	}

}
