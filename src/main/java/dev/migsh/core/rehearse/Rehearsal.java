package dev.migsh.core.rehearse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import dev.migsh.core.MigshException;
import dev.migsh.core.apply.Apply;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.EngineSettings;
import dev.migsh.core.apply.MigrationCancelledException;
import dev.migsh.core.apply.MigrationFailedException;
import dev.migsh.core.apply.Undo;
import dev.migsh.core.apply.UndoRequest;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.lint.LockInfo;
import dev.migsh.core.plan.ApplyPlan;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.plan.UndoTarget;
import dev.migsh.core.postgres.PostgresErrors;
import dev.migsh.core.schema.DatabaseConnector;
import dev.migsh.core.schema.ScratchDatabase;
import dev.migsh.core.schema.SchemaSnapshot;

/**
 * {@code rehearse}: runs the pending migrations on a scratch copy of the live database
 * (its schema, a sample of its rows, its history) with apply's own engine (same
 * transactions, timeouts and placeholders), watching each up statement; then proves each
 * migration's way back there (down, then up again, schemas compared). The live database
 * is only read; the copy is dropped whatever happens, Ctrl-C included.
 */
public final class Rehearsal {

	private final EngineSettings live;

	private final Set<String> excludedSchemas;

	private final DatabaseConnector connector;

	/**
	 * @param live the live database's engine settings (history, operator, timeouts)
	 * @param excludedSchemas migsh's own schemas, neither copied nor compared
	 */
	public Rehearsal(EngineSettings live, Set<String> excludedSchemas, DatabaseConnector connector) {
		this.live = live;
		this.excludedSchemas = excludedSchemas;
		this.connector = connector;
	}

	/**
	 * Rehearses what {@code apply} would run for {@code request.target()} given the live
	 * {@code status}; {@code predictions} is {@code plan}'s view of the same migrations.
	 * @throws dev.migsh.core.schema.OperationCancelledException when Ctrl-C stopped it
	 */
	public RehearsalReport run(MigrationCatalog catalog, StatusReport status, MigrationPlan predictions,
			RehearsalRequest request, RehearsalListener listener, Cancellation cancellation) {
		long start = System.nanoTime();
		List<MigrationFile> pending = ApplyPlan.of(status, request.target(), request.allowOutOfOrder()).migrations();
		DataSource liveData = this.live.dataSource();
		LiveSizes sizes = LiveSizes.read(liveData, this.excludedSchemas);
		try (ScratchDatabase scratch = ScratchDatabase.create(liveData, this.connector)) {
			CopySummary copy = new ScratchCopy(liveData, this.live.history(), this.excludedSchemas).fill(scratch,
					request, listener, cancellation);
			EngineSettings onCopy = new EngineSettings(scratch.dataSource(), this.live.history(), this.live.operator(),
					Duration.ofSeconds(5), this.live.lockTimeout(), this.live.statementTimeout(),
					this.live.keepHistory());
			CopyCatalog copyCatalog = new CopyCatalog(this.excludedSchemas);
			StatementProbe probe = new StatementProbe(copyCatalog, sizes, StatementProbe.rowsByTable(copy.tables()),
					scratch.dataSource());
			List<MigrationRehearsal> results = new ArrayList<>();
			// read only when a migration with a down needs it: schema snapshots are most
			// of the time
			SchemaSnapshot schema = null;
			boolean stopped = false;
			for (int i = 0; i < pending.size(); i++) {
				MigrationFile file = pending.get(i);
				if (stopped) {
					results.add(MigrationRehearsal.notRun(file.id()));
					continue;
				}
				listener.step("rehearsing " + file.id() + " (" + (i + 1) + " of " + pending.size() + ")");
				probe.startMigration(predicted(predictions, file.id()));
				boolean provable = file.hasDown() && !file.down().get().isEmpty();
				if (provable && schema == null) {
					schema = snapshot(scratch);
				}
				List<String> invalidBefore = leftInvalid(scratch, copyCatalog);
				ApplyRequest up = up(file, request);
				long began = System.nanoTime();
				try {
					new Apply(onCopy, probe).run(catalog, up, ApplyListener.NONE, cancellation);
				}
				catch (MigrationCancelledException ex) {
					throw new dev.migsh.core.schema.OperationCancelledException("The rehearsal of " + file.id());
				}
				catch (MigrationFailedException ex) {
					results
						.add(new MigrationRehearsal(file.id(), MigrationRehearsal.Outcome.FAILED, probe.observed(),
								Duration.ofNanos(System.nanoTime() - began), List.of(), List.of(),
								Optional.of(new MigrationRehearsal.Failure(ex.getMessage(), ex.location(),
										ex.sqlState().orElse(""), ex.hint())),
								RoundTrip.of(RoundTrip.Outcome.NOT_RUN)));
					stopped = true;
					continue;
				}
				finally {
					probe.stopSampling();
				}
				Duration took = Duration.ofNanos(System.nanoTime() - began);
				List<String> invalid = new ArrayList<>(leftInvalid(scratch, copyCatalog));
				invalid.removeAll(invalidBefore);
				SchemaSnapshot after = provable ? snapshot(scratch) : null;
				listener.step("proving the way back of " + file.id() + " (" + (i + 1) + " of " + pending.size() + ")");
				WayBackProof proof = wayBack(catalog, onCopy, scratch, file, up, schema, after, cancellation);
				schema = proof.leftSchema();
				results
					.add(new MigrationRehearsal(file.id(), MigrationRehearsal.Outcome.REHEARSED, probe.observed(), took,
							invalid.stream().filter((n) -> n.startsWith("index ")).map((n) -> n.substring(6)).toList(),
							invalid.stream()
								.filter((n) -> n.startsWith("constraint "))
								.map((n) -> n.substring(11))
								.toList(),
							Optional.empty(), proof.roundTrip()));
				stopped = proof.lostTheMigration();
			}
			return new RehearsalReport(copy, results, WorstLocks.of(results),
					Duration.ofNanos(System.nanoTime() - start), predictions.fingerprint());
		}
	}

	/**
	 * @param leftSchema the copy's schema afterwards when it was read, else null
	 */
	private record WayBackProof(RoundTrip roundTrip, SchemaSnapshot leftSchema, boolean lostTheMigration) {
	}

	// down, compared with the schema before up; up again, compared with the schema after
	private WayBackProof wayBack(MigrationCatalog catalog, EngineSettings onCopy, ScratchDatabase scratch,
			MigrationFile file, ApplyRequest up, SchemaSnapshot before, SchemaSnapshot after,
			Cancellation cancellation) {
		if (!file.hasDown()) {
			return new WayBackProof(RoundTrip.of(RoundTrip.Outcome.NO_DOWN), after, false);
		}
		if (file.down().get().isEmpty()) {
			return new WayBackProof(RoundTrip.of(RoundTrip.Outcome.EMPTY_DOWN), after, false);
		}
		try {
			new Undo(onCopy).run(catalog, UndoRequest.of(UndoTarget.latest()), ApplyListener.NONE, cancellation);
		}
		catch (MigrationCancelledException ex) {
			throw new dev.migsh.core.schema.OperationCancelledException("The rehearsal of " + file.id());
		}
		catch (MigshException ex) {
			return new WayBackProof(new RoundTrip(RoundTrip.Outcome.FAILED, List.of(), "down: " + ex.getMessage()),
					null, false);
		}
		List<String> differences = new ArrayList<>(
				SchemaComparison.differences(before, snapshot(scratch), "before up", "after down"));
		try {
			new Apply(onCopy).run(catalog, up, ApplyListener.NONE, cancellation);
		}
		catch (MigrationCancelledException ex) {
			throw new dev.migsh.core.schema.OperationCancelledException("The rehearsal of " + file.id());
		}
		catch (MigshException ex) {
			return new WayBackProof(
					new RoundTrip(RoundTrip.Outcome.FAILED, differences, "up after down: " + ex.getMessage()), null,
					true);
		}
		SchemaSnapshot again = snapshot(scratch);
		differences.addAll(SchemaComparison.differences(after, again, "after up", "after up again"));
		return new WayBackProof(
				new RoundTrip(differences.isEmpty() ? RoundTrip.Outcome.PROVEN : RoundTrip.Outcome.DIFFERS, differences,
						""),
				again, false);
	}

	private static ApplyRequest up(MigrationFile file, RehearsalRequest request) {
		ApplyRequest up = ApplyRequest.of(ApplyTarget.only(file.id())).withLockWait(Duration.ofSeconds(5));
		return request.allowOutOfOrder() ? up.allowingOutOfOrder() : up;
	}

	private static List<LockInfo> predicted(MigrationPlan plan, String id) {
		return plan.steps()
			.stream()
			.filter((s) -> s.file().id().equals(id))
			.findFirst()
			.map((s) -> s.statements().stream().map(MigrationPlan.PlannedStatement::lock).toList())
			.orElse(List.of());
	}

	private SchemaSnapshot snapshot(ScratchDatabase scratch) {
		return SchemaSnapshot.read(scratch.dataSource(), this.excludedSchemas);
	}

	private static List<String> leftInvalid(ScratchDatabase scratch, CopyCatalog catalog) {
		try (Connection connection = scratch.dataSource().getConnection()) {
			return catalog.leftInvalid(connection);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the copy's catalog", ex, "Check the server's logs.");
		}
	}

}
