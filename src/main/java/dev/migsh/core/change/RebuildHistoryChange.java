package dev.migsh.core.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.LockWaitListener;
import dev.migsh.core.apply.RebuildHistory;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.history.HistoryHealth;
import dev.migsh.core.history.HistoryInspection;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.postgres.PostgresErrors;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.PreflightReport;

/**
 * The {@code repair --from-audit} use case: the history lost rows (deleted, or its table
 * dropped) that the audit trail still records; it writes them back, so that no migration
 * runs twice. The proposal lists each row it will write; it runs no migration.
 */
public final class RebuildHistoryChange {

	public record Request(Optional<Duration> lockWait) {
	}

	private final ChangeContext context;

	public RebuildHistoryChange(ChangeContext context) {
		this.context = context;
	}

	public RecordsProposal<HistoryHealth> propose(Request request) {
		MigrationCatalog catalog = this.context.catalog();
		HistoryHealth health = inspect();
		List<HistoryHealth.Damage> other = health.damages().stream().filter(d -> !d.rebuildMends()).toList();
		if (!other.isEmpty()) {
			throw new MigshException("The history has damage repair --from-audit cannot mend: "
					+ String.join("; ", other.stream().map(HistoryHealth.Damage::what).toList())
					+ "; nothing was changed", other.get(0).fix(), ExitCode.PREFLIGHT_REFUSED, null);
		}
		StatusReport status = this.context.statusAsIs(catalog);
		List<String> lines = new ArrayList<>();
		for (String table : health.missingTables()) {
			lines.add("make " + table + " again"
					+ (table.endsWith(".audit") ? " (empty: the entries it held are lost)" : ""));
		}
		List<String> noFile = new ArrayList<>();
		for (HistoryHealth.LostRow lost : health.lostRows()) {
			if (catalog.find(lost.id()).isEmpty()) {
				noFile.add(lost.id());
			}
			lines.add("write the history row of " + lost.id() + " as " + lost.state().word() + " (audit entry #"
					+ lost.auditSeq() + ": " + lost.at() + " by " + lost.operator()
					+ "), with the checksums and SQL of its file as it is now; nothing runs");
		}
		List<CheckResult> results = new ArrayList<>(this.context.recoveryChecks(status).results());
		if (!noFile.isEmpty()) {
			results.add(CheckResult.fail("files",
					"no file in the migrations folder for " + String.join(", ", noFile)
							+ ": the row's checksums and SQL come from it",
					"Restore the file(s) (from version control), then run repair --from-audit again."));
		}
		String action = "repair --from-audit of " + health.lostRows().size() + " history row(s)";
		boolean empty = health.lostRows().isEmpty() && health.missingTables().isEmpty()
				&& health.damages().stream().noneMatch(HistoryHealth.Damage::rebuildMends);
		return new RecordsProposal<>("repair --from-audit", action, catalog, status, health, lines,
				new PreflightReport(results), this.context.requirements(action), empty);
	}

	public List<String> execute(RecordsProposal<HistoryHealth> proposal, Request request, Confirmations confirmations,
			LockWaitListener listener, Cancellation cancellation) {
		confirmations.check(proposal);
		if (proposal.isEmpty()) {
			return List.of();
		}
		List<String> done = new RebuildHistory(this.context.engine()).run(proposal.catalog(), proposal.subject(),
				ChangeContext.unchanged("repair --from-audit", proposal.status()),
				this.context.lockWait(request.lockWait()), listener, cancellation);
		this.context.auditOverrides(proposal);
		return done;
	}

	private HistoryHealth inspect() {
		try (Connection connection = this.context.dataSource().getConnection()) {
			return new HistoryInspection(this.context.engine().history()).inspect(connection);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not inspect the history", ex,
					"Check the connection and that the user may read schema " + this.context.config().historySchema()
							+ ".");
		}
	}

}
