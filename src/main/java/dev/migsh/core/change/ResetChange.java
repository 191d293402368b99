package dev.migsh.core.change;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.apply.Apply;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.HistoryExpectation;
import dev.migsh.core.apply.Reset;
import dev.migsh.core.apply.ResetResult;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.connect.Environment;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.PreflightReport;

/**
 * The {@code reset} use case, development only: drops every schema but the history one,
 * clears the history (the audit trail stays), then applies every migration again.
 * Anywhere else its checks refuse it; in development it needs the countdown.
 */
public final class ResetChange {

	/** What a reset did: the drop, then the apply. */
	public record Outcome(ResetResult reset, ApplyResult applied) {
	}

	private final ChangeContext context;

	public ResetChange(ChangeContext context) {
		this.context = context;
	}

	public RecordsProposal<List<String>> propose() {
		MigrationCatalog catalog = this.context.catalog();
		StatusReport status = this.context.statusAsIs(catalog);
		List<String> schemas = new Reset(this.context.engine()).schemas();
		long applied = status.rows().stream().filter(r -> r.applied().isPresent()).count();
		List<CheckResult> results = new ArrayList<>(this.context.recoveryChecks(status).results());
		if (this.context.target().environment() == Environment.DEVELOPMENT) {
			results
				.add(CheckResult.ok("environment", "development (" + this.context.target().environmentOrigin() + ")"));
		}
		else {
			results.add(CheckResult.fail("environment",
					"reset drops everything and is for development only; this is " + this.context.target().environment()
							+ " (" + this.context.target().environmentOrigin() + ")",
					"Nothing was dropped. In " + this.context.target().environment()
							+ " undo migrations one by one (undo --dry-run shows what each destroys); for a"
							+ " development database say so with --env development."));
		}
		List<String> lines = List.of(
				"drop every schema in " + this.context.target().database() + ": "
						+ (schemas.isEmpty() ? "(none)" : String.join(", ", schemas)) + ", with all their data",
				"clear the history of " + applied + " recorded migration(s) (the audit trail is kept)",
				"apply all " + catalog.migrations().size() + " migration(s) again");
		return new RecordsProposal<>("reset", "reset of " + this.context.target().database(), catalog, status, schemas,
				lines, new PreflightReport(results),
				List.of(new Requirement(Confirmation.COUNTDOWN, "reset drops everything", "")), false);
	}

	public Outcome execute(RecordsProposal<List<String>> proposal, Confirmations confirmations, ApplyListener listener,
			Cancellation cancellation) {
		confirmations.check(proposal);
		ResetResult reset = new Reset(this.context.engine()).run(proposal.catalog(),
				ChangeContext.unchanged("reset", proposal.status()), this.context.config().lockWait(),
				listener::lockWaiting, cancellation);
		ApplyResult applied = new Apply(this.context.engine()).run(proposal.catalog(), ApplyRequest.all(),
				HistoryExpectation.NONE, listener, cancellation);
		return new Outcome(reset, applied);
	}

}
