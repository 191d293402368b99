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

import dev.migsh.core.apply.Apply;
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
import dev.migsh.core.schema.Provenance;
import dev.migsh.core.schema.TableProvenance;
import dev.migsh.core.schema.Drift;
import dev.migsh.core.schema.DriftReport;

/**
 * The migration engine's one entry point: one method per use case, each re-reading the
 * migrations folder (cheap) and returning a record for the shell to render. Changing
 * methods take the migration lock on a dedicated connection; reading ones take no lock.
 */
public final class Migrator {

	private static final Set<MigrationState> APPLIED = Set.of(MigrationState.APPLIED, MigrationState.CHANGED,
			MigrationState.MARKED, MigrationState.BASELINE);

	private final DataSource dataSource;

	private final MigratorConfig config;

	private final HistoryTable history;

	private final EngineSettings settings;

	public Migrator(DataSource dataSource, MigratorConfig config) {
		this.dataSource = dataSource;
		this.config = config;
		this.history = new HistoryTable(config.historySchema());
		this.settings = new EngineSettings(dataSource, this.history, config.operator(), config.lockWait(),
				config.lockTimeout(), config.statementTimeout());
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

	public ApplyResult apply(ApplyRequest request, ApplyListener listener, Cancellation cancellation) {
		return new Apply(this.settings).run(catalog(), request, listener, cancellation);
	}

	/** What {@code undo} would roll back, without a lock or a change. */
	public UndoPlan planUndo(UndoTarget target, boolean force) {
		return UndoPlan.of(status(), target, force);
	}

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

	public MarkResult markApplied(String idOrVersion) {
		return new MarkApplied(this.settings).run(catalog(), idOrVersion, this.config.lockWait(),
				LockWaitListener.none());
	}

	/**
	 * Removes a migration's history row without running its down section; returns the row
	 * removed.
	 */
	public AppliedMigration markPending(String idOrVersion) {
		return new MarkPending(this.settings).run(catalog(), idOrVersion, this.config.lockWait(),
				LockWaitListener.none());
	}

	public RepairResult repair(RepairRequest request) {
		return new Repair(this.settings).run(catalog(), request, LockWaitListener.none());
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
		return new Reset(this.settings).run(this.config.lockWait(), listener, cancellation);
	}

	/** Ids that {@code apply} can take: pending and out-of-order migrations, in order. */
	public List<String> pendingIds() {
		return status().rows().stream().filter(MigrationStatus::isPending).map(MigrationStatus::id).toList();
	}

	/**
	 * Ids recorded as applied (applied, changed, marked, baseline), in the order they
	 * were recorded.
	 */
	public List<String> appliedIds() {
		return status().appliedInOrder()
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
		return Drift.check(this.dataSource, applied, Set.of(this.config.historySchema(), Trash.SCHEMA), connector,
				this.config.effectivePlaceholders());
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

	/** Who holds the migration lock now, if anybody (an apply in progress elsewhere). */
	public Optional<LockHolder> lockHolder() {
		try (Connection connection = this.dataSource.getConnection()) {
			return MigrationLock.holder(connection, this.history.qualifiedName());
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the lock holder", ex, "Check the connection.");
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
