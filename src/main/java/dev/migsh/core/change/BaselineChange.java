package dev.migsh.core.change;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.apply.BaselineRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.BaselineResult;
import dev.migsh.core.apply.RecordBaseline;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.safety.PreflightReport;

/**
 * The {@code baseline} use case: reads the live schema into a migration, proves it in a
 * scratch database and, unless asked only for the SQL, writes it and records it under the
 * lock. Recording needs the production confirmation; a dry run or {@code --output}
 * records nothing and needs none.
 */
public final class BaselineChange {

	private final ChangeContext context;

	public BaselineChange(ChangeContext context) {
		this.context = context;
	}

	public RecordsProposal<BaselineRequest> propose(BaselineRequest request) {
		MigrationCatalog catalog = this.context.catalog();
		StatusReport status = this.context.status(catalog);
		String action = "baseline of " + this.context.target().database();
		List<String> lines = List.of(request.records()
				? "read the live schema, prove it in a scratch database, write it to the migrations folder and"
						+ " record it as applied (state baseline)"
				: "read the live schema and prove it in a scratch database; record nothing");
		return new RecordsProposal<>("baseline", action, catalog, status, request, lines,
				request.records() ? this.context.recordChecks(status) : new PreflightReport(List.of()),
				request.records() ? this.context.requirements(action) : List.of(), false);
	}

	public BaselineResult execute(RecordsProposal<BaselineRequest> proposal, Optional<Duration> lockWait,
			Confirmations confirmations, Cancellation cancellation) {
		confirmations.check(proposal);
		BaselineResult result = new RecordBaseline(this.context.engine(), this.context.config().migrations(),
				this.context.config().effectivePlaceholders())
			.run(proposal.subject(), this.context.lockWait(lockWait), cancellation);
		this.context.auditOverrides(proposal);
		return result;
	}

}
