package dev.migsh.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import java.time.Duration;

import dev.migsh.core.apply.Apply;
import dev.migsh.core.apply.HistoryExpectation;
import dev.migsh.core.apply.TrashEntry;
import dev.migsh.core.change.AdoptChange;
import dev.migsh.core.apply.Resume;
import dev.migsh.core.apply.Revert;
import dev.migsh.core.change.ApplyChange;
import dev.migsh.core.change.ResumeChange;
import dev.migsh.core.change.RevertChange;
import dev.migsh.core.change.ApplyProposal;
import dev.migsh.core.change.BaselineChange;
import dev.migsh.core.change.ChangeContext;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.MarkAppliedChange;
import dev.migsh.core.change.MarkPendingChange;
import dev.migsh.core.change.RecordsProposal;
import dev.migsh.core.change.RebuildHistoryChange;
import dev.migsh.core.change.RepairChange;
import dev.migsh.core.change.ResetChange;
import dev.migsh.core.change.TrashPurgeChange;
import dev.migsh.core.change.UndoChange;
import dev.migsh.core.change.UndoProposal;
import dev.migsh.core.connect.TargetDatabase;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.plan.Planner;
import dev.migsh.core.safety.UndoPreview;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.BaselineRequest;
import dev.migsh.core.apply.BaselineResult;
import dev.migsh.core.apply.RecordBaseline;
import dev.migsh.core.apply.Trash;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.EngineSettings;
import dev.migsh.core.apply.LockHolder;
import dev.migsh.core.apply.LockWaitListener;
import dev.migsh.core.apply.MarkApplied;
import dev.migsh.core.apply.MarkPending;
import dev.migsh.core.apply.MarkResult;
import dev.migsh.core.apply.MigrationLock;
import dev.migsh.core.apply.Repair;
import dev.migsh.core.apply.Reset;
import dev.migsh.core.apply.ResetResult;
import dev.migsh.core.apply.RepairRequest;
import dev.migsh.core.apply.RepairResult;
import dev.migsh.core.apply.Undo;
import dev.migsh.core.apply.UndoRequest;
import dev.migsh.core.apply.UndoResult;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationDirectory;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.AuditEntry;
import dev.migsh.core.history.HistoryHealth;
import dev.migsh.core.history.HistoryInspection;
import dev.migsh.core.history.HistoryTable;
import dev.migsh.core.plan.MigrationDetails;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.SqlWords;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.plan.UndoPlan;
import dev.migsh.core.plan.UndoTarget;
import dev.migsh.core.postgres.PostgresErrors;
import dev.migsh.core.schema.DatabaseConnector;
import dev.migsh.core.schema.TableDescriber;
import dev.migsh.core.schema.TableDescription;
import dev.migsh.core.schema.TableLister;
import dev.migsh.core.schema.TableSummary;
import dev.migsh.core.schema.Provenance;
import dev.migsh.core.schema.TableProvenance;
import dev.migsh.core.schema.Drift;
import dev.migsh.core.schema.DriftReport;
import dev.migsh.core.rehearse.Rehearsal;
import dev.migsh.core.rehearse.RehearsalListener;
import dev.migsh.core.rehearse.RehearsalReport;
import dev.migsh.core.rehearse.RehearsalRequest;

/**
 * The migration engine's one entry point: one method per use case, returning a record for
 * the shell to render. A change is proposed ({@code propose…}: plan, checks, what it
 * destroys, the confirmations it needs), then executed with the confirmations given,
 * under the migration lock, where the history is checked again. Reading methods take no
 * lock.
 */
public final class Migrator {

	private static final Set<MigrationState> APPLIED = Set.of(MigrationState.APPLIED, MigrationState.CHANGED,
			MigrationState.MARKED, MigrationState.BASELINE);

	private final DataSource dataSource;

	private final MigratorConfig config;

	private final HistoryTable history;

	private final EngineSettings settings;

	private final ChangeContext changes;

	/**
	 * A migrator for a development database (tests and tools that drive the core
	 * directly).
	 */
	public Migrator(DataSource dataSource, MigratorConfig config) {
		this(dataSource, config, TargetDatabase.development("development"));
	}

	/**
	 * @param target where changes go: the environment decides which confirmations they
	 * need
	 */
	public Migrator(DataSource dataSource, MigratorConfig config, TargetDatabase target) {
		this.dataSource = dataSource;
		this.config = config;
		this.history = new HistoryTable(config.historySchema());
		this.settings = new EngineSettings(dataSource, this.history, config.operator(), config.lockWait(),
				config.lockTimeout(), config.statementTimeout(), config.keepHistory());
		this.changes = new ChangeContext(dataSource, config, this.settings, target);
	}

	/**
	 * This migrator with every change also keeping {@code tool}'s history table in step
	 * ({@code --keep-history}); empty: none.
	 */
	public Migrator keepingHistory(Optional<dev.migsh.core.adopt.ForeignTool> tool) {
		return new Migrator(this.dataSource, this.config.withKeepHistory(tool), this.changes.target());
	}

	public TargetDatabase target() {
		return this.changes.target();
	}

	public ApplyProposal proposeApply(ApplyChange.Request request) {
		return new ApplyChange(this.changes).propose(request);
	}

	public ApplyResult execute(ApplyProposal proposal, Confirmations confirmations, ApplyListener listener,
			Cancellation cancellation) {
		return new ApplyChange(this.changes).execute(proposal, confirmations, listener, cancellation);
	}

	public UndoProposal proposeUndo(UndoChange.Request request) {
		return new UndoChange(this.changes).propose(request);
	}

	/** What an undo would destroy, measured on the live database; changes nothing. */
	public UndoPreview previewUndo(UndoChange.Request request) {
		return new UndoChange(this.changes).preview(request);
	}

	public UndoResult execute(UndoProposal proposal, Confirmations confirmations, ApplyListener listener,
			Cancellation cancellation) {
		return new UndoChange(this.changes).execute(proposal, confirmations, listener, cancellation);
	}

	/** {@code apply --resume ID}: a failed migration run on from its failed statement. */
	public RecordsProposal<Optional<Resume.Point>> proposeResume(ResumeChange.Request request) {
		return new ResumeChange(this.changes).propose(request);
	}

	public ApplyResult resume(RecordsProposal<Optional<Resume.Point>> proposal, ResumeChange.Request request,
			Confirmations confirmations, ApplyListener listener, Cancellation cancellation) {
		return new ResumeChange(this.changes).execute(proposal, request, confirmations, listener, cancellation);
	}

	/** True when {@code undo ID} reverts a failed migration rather than undoing one. */
	public boolean undoReverts(String idOrVersion) {
		return new RevertChange(this.changes).applies(idOrVersion);
	}

	/** {@code undo ID} on a failed migration: reverses only the statements that ran. */
	public RecordsProposal<Optional<Revert.Point>> proposeRevert(RevertChange.Request request) {
		return new RevertChange(this.changes).propose(request);
	}

	public UndoResult revert(RecordsProposal<Optional<Revert.Point>> proposal, RevertChange.Request request,
			Confirmations confirmations, ApplyListener listener, Cancellation cancellation) {
		return new RevertChange(this.changes).execute(proposal, request, confirmations, listener, cancellation);
	}

	public RecordsProposal<MarkResult> proposeMarkApplied(MarkAppliedChange.Request request) {
		return new MarkAppliedChange(this.changes).propose(request);
	}

	public MarkResult markApplied(RecordsProposal<MarkResult> proposal, MarkAppliedChange.Request request,
			Confirmations confirmations, LockWaitListener listener, Cancellation cancellation) {
		return new MarkAppliedChange(this.changes).execute(proposal, request, confirmations, listener, cancellation);
	}

	public RecordsProposal<AppliedMigration> proposeMarkPending(MarkPendingChange.Request request) {
		return new MarkPendingChange(this.changes).propose(request);
	}

	public AppliedMigration markPending(RecordsProposal<AppliedMigration> proposal, MarkPendingChange.Request request,
			Confirmations confirmations, LockWaitListener listener, Cancellation cancellation) {
		return new MarkPendingChange(this.changes).execute(proposal, request, confirmations, listener, cancellation);
	}

	public RecordsProposal<List<MigrationStatus>> proposeRepair(RepairRequest request) {
		return new RepairChange(this.changes).propose(request);
	}

	public RepairResult repair(RecordsProposal<List<MigrationStatus>> proposal, RepairRequest request,
			Confirmations confirmations, LockWaitListener listener, Cancellation cancellation) {
		return new RepairChange(this.changes).execute(proposal, request, confirmations, listener, cancellation);
	}

	public RecordsProposal<HistoryHealth> proposeRebuildHistory(RebuildHistoryChange.Request request) {
		return new RebuildHistoryChange(this.changes).propose(request);
	}

	public List<String> rebuildHistory(RecordsProposal<HistoryHealth> proposal, RebuildHistoryChange.Request request,
			Confirmations confirmations, LockWaitListener listener, Cancellation cancellation) {
		return new RebuildHistoryChange(this.changes).execute(proposal, request, confirmations, listener, cancellation);
	}

	public RecordsProposal<List<String>> proposeReset() {
		return new ResetChange(this.changes).propose();
	}

	public ResetChange.Outcome reset(RecordsProposal<List<String>> proposal, Confirmations confirmations,
			ApplyListener listener, Cancellation cancellation) {
		return new ResetChange(this.changes).execute(proposal, confirmations, listener, cancellation);
	}

	/** What migsh_trash holds, oldest first. */
	public List<TrashEntry> trash() {
		return Trash.list(this.dataSource);
	}

	public RecordsProposal<List<TrashEntry>> proposeTrashPurge() {
		return new TrashPurgeChange(this.changes).propose();
	}

	public List<TrashEntry> purgeTrash(RecordsProposal<List<TrashEntry>> proposal, Optional<Duration> lockWait,
			Confirmations confirmations, LockWaitListener listener, Cancellation cancellation) {
		return new TrashPurgeChange(this.changes).execute(proposal, lockWait, confirmations, listener, cancellation);
	}

	public RecordsProposal<AdoptChange.Plan> proposeAdopt(AdoptChange.Request request) {
		return new AdoptChange(this.changes).propose(request);
	}

	public List<String> adopt(RecordsProposal<AdoptChange.Plan> proposal, AdoptChange.Request request,
			Confirmations confirmations, LockWaitListener listener, Cancellation cancellation) {
		return new AdoptChange(this.changes).execute(proposal, request, confirmations, listener, cancellation);
	}

	public RecordsProposal<BaselineRequest> proposeBaseline(BaselineRequest request) {
		return new BaselineChange(this.changes).propose(request);
	}

	public BaselineResult baseline(RecordsProposal<BaselineRequest> proposal, Optional<Duration> lockWait,
			Confirmations confirmations, Cancellation cancellation) {
		return new BaselineChange(this.changes).execute(proposal, lockWait, confirmations, cancellation);
	}

	/**
	 * The plan {@code apply} would run for {@code target}, with its findings and
	 * fingerprint; changes nothing.
	 */
	public MigrationPlan plan(ApplyTarget target, boolean allowOutOfOrder) {
		return new Planner(this.dataSource, this.config).plan(target, status(), allowOutOfOrder);
	}

	public MigratorConfig config() {
		return this.config;
	}

	/**
	 * The migrations folder as it is now, placeholders replaced in the statements to run.
	 */
	public MigrationCatalog catalog() {
		return MigrationDirectory.read(this.config.migrations(), this.config.effectivePlaceholders());
	}

	public StatusReport status() {
		return StatusReport.of(catalog(), readHistory());
	}

	/**
	 * One migration in detail; for a changed one, the diff from what ran to the file now.
	 */
	public MigrationDetails show(String idOrVersion) {
		return MigrationDetails.of(status().resolve(idOrVersion));
	}

	/**
	 * The engine alone, with no pre-flight and no confirmations: for tests of the engine
	 * and embedding callers that checked elsewhere. Commands go through propose and
	 * execute.
	 */
	public ApplyResult apply(ApplyRequest request, ApplyListener listener, Cancellation cancellation) {
		return new Apply(this.settings).run(catalog(), request, listener, cancellation);
	}

	/** What {@code undo} would roll back, without a lock or a change. */
	public UndoPlan planUndo(UndoTarget target, boolean force) {
		return UndoPlan.of(status(), target, force);
	}

	/**
	 * The engine alone, like {@link #apply(ApplyRequest, ApplyListener, Cancellation)}.
	 */
	public UndoResult undo(UndoRequest request, ApplyListener listener, Cancellation cancellation) {
		return new Undo(this.settings).run(catalog(), request, listener, cancellation);
	}

	/** Which objects a pending migration creates already exist; writes nothing. */
	public MarkResult checkMarkApplied(String idOrVersion) {
		return new MarkApplied(this.settings).check(status(), idOrVersion);
	}

	/** The same check for several migrations, reading the folder and the history once. */
	public List<MarkResult> checkMarkApplied(List<String> idsOrVersions) {
		StatusReport status = status();
		MarkApplied check = new MarkApplied(this.settings);
		return idsOrVersions.stream().map(id -> check.check(status, id)).toList();
	}

	/**
	 * Records a pending migration whose objects all exist; refuses (exit code 3) when
	 * some are missing.
	 */
	public MarkResult markApplied(String idOrVersion) {
		return markApplied(idOrVersion, false);
	}

	/**
	 * As {@link #markApplied(String)}; {@code allowMissing} records it anyway, audited
	 * with the list.
	 */
	public MarkResult markApplied(String idOrVersion, boolean allowMissing) {
		return new MarkApplied(this.settings).run(catalog(), idOrVersion, allowMissing, HistoryExpectation.NONE,
				this.config.lockWait(), LockWaitListener.none(), Cancellation.none());
	}

	/**
	 * Removes a migration's history row without running its down section; returns the row
	 * removed.
	 */
	public AppliedMigration markPending(String idOrVersion) {
		return new MarkPending(this.settings).run(catalog(), idOrVersion, HistoryExpectation.NONE,
				this.config.lockWait(), LockWaitListener.none(), Cancellation.none());
	}

	public RepairResult repair(RepairRequest request) {
		return new Repair(this.settings).run(catalog(), request, HistoryExpectation.NONE, LockWaitListener.none(),
				Cancellation.none());
	}

	/**
	 * The schemas {@code reset} would drop: all but the system ones and the history
	 * schema.
	 */
	public List<String> resetSchemas() {
		return new Reset(this.settings).schemas();
	}

	/**
	 * Drops every schema but the history one and clears the history, keeping the audit
	 * trail; development only, which the caller decides. Applying again is a separate
	 * call.
	 */
	public ResetResult reset(LockWaitListener listener, Cancellation cancellation) {
		return new Reset(this.settings).run(catalog(), HistoryExpectation.NONE, this.config.lockWait(), listener,
				cancellation);
	}

	/** Ids that {@code apply} can take: pending and out-of-order migrations, in order. */
	public List<String> pendingIds() {
		return status().rows().stream().filter(MigrationStatus::isPending).map(MigrationStatus::id).toList();
	}

	/**
	 * Ids recorded as applied (applied, changed, marked, baseline), in the order they
	 * were recorded; repeatables, which undo never takes, left out.
	 */
	public List<String> appliedIds() {
		return status().versionedAppliedInOrder()
			.stream()
			.filter(r -> APPLIED.contains(r.state()))
			.map(MigrationStatus::id)
			.toList();
	}

	/**
	 * The audit trail, oldest first; with a table, only the entries of migrations whose
	 * SQL (in the file or as recorded) names it.
	 */
	public List<AuditEntry> history(Optional<String> table) {
		try (Connection connection = this.dataSource.getConnection()) {
			List<AuditEntry> entries = this.history.auditEntries(connection);
			if (table.isEmpty()) {
				return entries;
			}
			String name = folded(table.get());
			StatusReport status = StatusReport.of(catalog(), this.history.read(connection));
			return entries.stream()
				.filter(e -> e.migrationId().flatMap(status::find).map(row -> mentions(row, name)).orElse(false))
				.toList();
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the audit trail", ex, "Check the connection.");
		}
	}

	/**
	 * Reads the live schema into a baseline migration and proves it in a scratch
	 * database; then, unless asked only for the SQL, writes
	 * {@code <version>-baseline.sql} and records it (state baseline). Nothing is written
	 * or recorded when the proof finds a difference.
	 */
	public BaselineResult baseline(BaselineRequest request) {
		return new RecordBaseline(this.settings, this.config.migrations(), this.config.effectivePlaceholders())
			.run(request, this.config.lockWait());
	}

	/**
	 * Replays the applied migrations (as they ran, in the order they ran) into a scratch
	 * database and compares it with the live schema.
	 */
	public DriftReport drift(DatabaseConnector connector) {
		return drift(connector, Cancellation.none());
	}

	/**
	 * As {@link #drift(DatabaseConnector)}; "could not check" (no scratch database, a
	 * migration that fails when replayed) is an outcome of the report, and Ctrl-C through
	 * {@code cancellation} stops it, dropping the scratch database.
	 */
	public DriftReport drift(DatabaseConnector connector, Cancellation cancellation) {
		Map<String, Boolean> transactional = new HashMap<>();
		Map<String, java.nio.file.Path> files = new HashMap<>();
		try {
			catalog().migrations().forEach(m -> {
				transactional.put(m.id(), m.up().transactional());
				files.put(m.id(), m.up().file());
			});
		}
		catch (MigshException ex) {
			// without the folder, what ran is still in the history; it ran in a
			// transaction by default
		}
		List<Drift.Migration> applied = readHistory().stream()
			.filter(AppliedMigration::isApplied)
			.map(a -> new Drift.Migration(a.id(), a.upSql(), transactional.getOrDefault(a.id(), true),
					files.getOrDefault(a.id(), java.nio.file.Path.of(a.id()))))
			.toList();
		return Drift.examine(this.dataSource, applied, Set.of(this.config.historySchema(), Trash.SCHEMA), connector,
				this.config.effectivePlaceholders(), cancellation);
	}

	/**
	 * Runs what {@code apply} would run on a scratch copy of the live database (schema, a
	 * sample of the rows, the history) and reports what each statement really did, beside
	 * {@code plan}'s prediction, and each migration's way back; the live database is only
	 * read and the copy is dropped, Ctrl-C included.
	 */
	public RehearsalReport rehearse(RehearsalRequest request, DatabaseConnector connector, RehearsalListener listener,
			Cancellation cancellation) {
		MigrationCatalog catalog = catalog();
		StatusReport status = StatusReport.of(catalog, readHistory());
		MigrationPlan predictions = new Planner(this.dataSource, this.config).plan(request.target(), status,
				request.allowOutOfOrder());
		return new Rehearsal(this.settings, Set.of(this.config.historySchema(), Trash.SCHEMA), connector).run(catalog,
				status, predictions, request, listener, cancellation);
	}

	/**
	 * Which migrations created or changed a table and each of its columns: the applied
	 * ones as they ran, in the order they ran, then the pending files.
	 */
	public TableProvenance provenance(String schema, String table, List<String> columns) {
		List<AppliedMigration> history = readHistory();
		List<TableProvenance.Source> sources = new ArrayList<>();
		Set<String> recorded = new HashSet<>();
		for (AppliedMigration a : history) {
			recorded.add(a.id());
			if (a.isApplied()) {
				sources
					.add(new TableProvenance.Source(a.id(), a.state().word(), Optional.of(a.appliedAt()), a.upSql()));
			}
		}
		try {
			catalog().migrations()
				.stream()
				.filter(m -> !recorded.contains(m.id()))
				.forEach(m -> sources
					.add(new TableProvenance.Source(m.id(), "pending", Optional.empty(), m.up().sql())));
		}
		catch (MigshException ex) {
			// no readable folder: the history alone tells what ran
		}
		return Provenance.of(schema, table, columns, sources);
	}

	/**
	 * Everything psql's \\d shows about one table, looked up by name (never spliced into
	 * SQL).
	 */
	public TableDescription describe(String table) {
		return new TableDescriber(this.dataSource).describe(table);
	}

	/** The user's tables with size and row estimate, leaving out migsh's own schemas. */
	public List<TableSummary> tables() {
		return new TableLister(this.dataSource, Set.of(this.config.historySchema())).list();
	}

	/** The names {@code tables} lists, for completion. */
	public List<String> tableNames() {
		return new TableLister(this.dataSource, Set.of(this.config.historySchema())).names();
	}

	/** Who holds the migration lock now, if anybody (an apply in progress elsewhere). */
	public Optional<LockHolder> lockHolder() {
		try (Connection connection = this.dataSource.getConnection()) {
			return MigrationLock.holder(connection, this.history.qualifiedName());
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the lock holder", ex, "Check the connection.");
		}
	}

	/**
	 * The history's own tables inspected: missing or damaged tables and rows, and rows
	 * the audit trail records that the history lost. Reads only.
	 */
	public HistoryHealth historyHealth() {
		try (Connection connection = this.dataSource.getConnection()) {
			return new HistoryInspection(this.history).inspect(connection);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not inspect the history in schema " + this.config.historySchema(), ex,
					"Check the connection and that the user may read schema " + this.config.historySchema() + ".");
		}
	}

	private List<AppliedMigration> readHistory() {
		try (Connection connection = this.dataSource.getConnection()) {
			return this.history.read(connection);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the history in schema " + this.config.historySchema(), ex,
					"Check the connection and that the user may read schema " + this.config.historySchema() + ".");
		}
	}

	private static boolean mentions(MigrationStatus row, String name) {
		StringBuilder sql = new StringBuilder();
		row.file().ifPresent(f -> {
			sql.append(f.up().sql()).append('\n');
			f.down().map(Section::sql).ifPresent(d -> sql.append(d).append('\n'));
		});
		row.applied().ifPresent(a -> {
			sql.append(a.upSql()).append('\n');
			a.downSql().ifPresent(d -> sql.append(d).append('\n'));
		});
		return SqlWords.mentions(sql.toString(), name);
	}

	private static String folded(String table) {
		String last = table.contains(".") ? table.substring(table.lastIndexOf('.') + 1) : table;
		if (last.length() > 1 && last.startsWith("\"") && last.endsWith("\"")) {
			return last.substring(1, last.length() - 1).replace("\"\"", "\"");
		}
		return last.toLowerCase(Locale.ROOT);
	}

}
