package dev.migsh.core.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.adopt.AdoptionMatch;
import dev.migsh.core.adopt.AdoptionMatcher;
import dev.migsh.core.adopt.ForeignHistories;
import dev.migsh.core.adopt.ForeignHistory;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.LockWaitListener;
import dev.migsh.core.apply.MarkApplied;
import dev.migsh.core.apply.MarkResult;
import dev.migsh.core.apply.RecordAdopted;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.postgres.PostgresErrors;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.PreflightReport;

/**
 * The {@code adopt} use case: finds another tool's history table in the database (by its
 * columns), matches its rows to the migrations folder, verifies that what each matched
 * migration creates exists, and records those migrations as {@code adopted} without
 * running them. Read-only on the other tool's table.
 */
public final class AdoptChange {

	/**
	 * @param from which history to adopt when there are several: a tool name
	 * ({@code flyway}) or a table ({@code schema_migrations}); empty when there is one
	 * @param schemas where to look; empty: the search_path
	 */
	public record Request(Optional<String> from, List<String> schemas, boolean allowMissing,
			Optional<Duration> lockWait) {
	}

	/** What adopt would record and why, for the shell to show as a mapping. */
	public record Plan(ForeignHistory source, AdoptionMatch match, List<String> toRecord, List<String> alreadyRecorded,
			List<MarkResult> verification) {
	}

	private final ChangeContext context;

	public AdoptChange(ChangeContext context) {
		this.context = context;
	}

	public RecordsProposal<Plan> propose(Request request) {
		MigrationCatalog catalog = this.context.catalog();
		StatusReport status = this.context.status(catalog);
		ForeignHistory source = choose(detect(request.schemas()), request.from());
		AdoptionMatch match = AdoptionMatcher.match(source, catalog);
		List<String> toRecord = new ArrayList<>();
		List<String> already = new ArrayList<>();
		for (String id : match.adoptableIds()) {
			(status.resolve(id).isPending() ? toRecord : already).add(id);
		}
		MarkApplied check = new MarkApplied(this.context.engine());
		List<MarkResult> verification = toRecord.stream().map(id -> check.check(status, id)).toList();
		List<CheckResult> results = new ArrayList<>(this.context.recordChecks(status).results());
		List<String> missing = verification.stream()
			.filter(v -> !v.missing().isEmpty())
			.map(v -> v.id() + " (" + String.join(", ", v.missing().stream().map(DbObject::describe).toList()) + ")")
			.toList();
		if (missing.isEmpty()) {
			results.add(CheckResult.ok("verification",
					"the objects of all " + toRecord.size() + " migration(s) to adopt exist"));
		}
		else if (request.allowMissing()) {
			results.add(CheckResult.warn("verification",
					"objects missing in " + String.join("; ", missing) + "; adopted anyway (--allow-missing)", ""));
		}
		else {
			results.add(CheckResult.fail("verification", "objects missing in " + String.join("; ", missing),
					"The old history says they ran, but the database disagrees: find out why, or adopt anyway with"
							+ " --allow-missing."));
		}
		if (!match.isClean()) {
			results.add(CheckResult.warn("old history",
					match.ambiguous().size() + " ambiguous and " + match.refused().size()
							+ " refused row(s) are not adopted; they stay pending",
					"Decide them by hand: `mark-applied ID` or `apply ID`."));
		}
		String action = "adopt of " + toRecord.size() + " migration(s) from " + source.tool().displayName() + " "
				+ source.qualifiedName();
		return new RecordsProposal<>("adopt", action, catalog, status,
				new Plan(source, match, toRecord, already, verification), List.of(), new PreflightReport(results),
				this.context.requirements(action), toRecord.isEmpty());
	}

	public List<String> execute(RecordsProposal<Plan> proposal, Request request, Confirmations confirmations,
			LockWaitListener listener, Cancellation cancellation) {
		confirmations.check(proposal);
		if (proposal.isEmpty()) {
			return List.of();
		}
		Plan plan = proposal.subject();
		List<RecordAdopted.Adoption> adoptions = new ArrayList<>();
		for (AdoptionMatch.Matched m : plan.match().matched()) {
			if (plan.toRecord().contains(m.migrationId())) {
				adoptions.add(new RecordAdopted.Adoption(m.migrationId(), m.entry().appliedAt(),
						plan.source().tool().displayName() + " " + plan.source().qualifiedName() + " row '"
								+ m.entry().rawId() + "' (" + m.rule().name().toLowerCase(Locale.ROOT) + ")"));
			}
		}
		List<String> recorded = new RecordAdopted(this.context.engine()).run(proposal.catalog(), adoptions,
				ChangeContext.unchanged("adopt", proposal.status()), this.context.lockWait(request.lockWait()),
				listener, cancellation);
		this.context.auditOverrides(proposal);
		return recorded;
	}

	private List<ForeignHistory> detect(List<String> schemas) {
		try (Connection connection = this.context.dataSource().getConnection()) {
			return ForeignHistories.detect(connection, schemas);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not look for another tool's history", ex, "Check the connection.");
		}
	}

	private static ForeignHistory choose(List<ForeignHistory> found, Optional<String> from) {
		List<ForeignHistory> chosen = found.stream()
			.filter(h -> from.isEmpty() || h.tool().displayName().equalsIgnoreCase(from.get())
					|| h.tool().name().equalsIgnoreCase(from.get().replace('-', '_'))
					|| h.table().equalsIgnoreCase(from.get()) || h.qualifiedName().equalsIgnoreCase(from.get()))
			.toList();
		if (chosen.isEmpty()) {
			throw new MigshException(
					from.map(f -> "No history of " + f + " found").orElse("No other tool's migration history found")
							+ (found.isEmpty() ? " in the schemas searched"
									: "; found: "
											+ String.join(", ", found.stream().map(AdoptChange::describe).toList())),
					"adopt reads SequelizeMeta, flyway_schema_history, schema_migrations (golang-migrate, dbmate,"
							+ " Rails), databasechangelog, _prisma_migrations, knex_migrations, alembic_version; name the"
							+ " schema with --in SCHEMA if it is not on the search_path.",
					ExitCode.PREFLIGHT_REFUSED, null);
		}
		if (chosen.size() > 1) {
			throw new MigshException(
					"Found " + chosen.size() + " migration histories: "
							+ String.join(", ", chosen.stream().map(AdoptChange::describe).toList()),
					"Say which one to adopt with --from TOOL (or --from TABLE).", ExitCode.USAGE, null);
		}
		return chosen.get(0);
	}

	private static String describe(ForeignHistory h) {
		return h.tool().displayName() + " (" + h.qualifiedName() + ", " + h.rowCount() + " rows)";
	}

}
