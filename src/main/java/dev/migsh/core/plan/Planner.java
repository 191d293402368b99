package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import dev.migsh.core.MigratorConfig;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.lint.AlterAction;
import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.LintContext;
import dev.migsh.core.lint.Linter;
import dev.migsh.core.lint.LockInfo;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementLocks;
import dev.migsh.core.lint.TableLock;
import dev.migsh.core.lint.TableName;
import dev.migsh.core.lint.Tokens;

/**
 * Computes the {@link MigrationPlan} for an apply target: the engine's own choice of
 * migrations ({@link ApplyPlan}), linted against the live server, with the locks and
 * sizes of the tables touched. Reads only; takes no lock.
 */
public final class Planner {

	private static final Set<DbObject.Kind> RELATIONS = Set.of(DbObject.Kind.TABLE, DbObject.Kind.INDEX,
			DbObject.Kind.VIEW, DbObject.Kind.MATERIALIZED_VIEW, DbObject.Kind.SEQUENCE);

	private final DataSource dataSource;

	private final MigratorConfig config;

	private final Linter linter;

	public Planner(DataSource dataSource, MigratorConfig config) {
		this(dataSource, config, new Linter());
	}

	public Planner(DataSource dataSource, MigratorConfig config, Linter linter) {
		this.dataSource = dataSource;
		this.config = config;
		this.linter = linter;
	}

	/**
	 * The plan for {@code target}; refuses (exit code 3) as {@code apply} would when the
	 * history is inconsistent or out-of-order migrations are pending.
	 */
	public MigrationPlan plan(ApplyTarget target, StatusReport status, boolean allowOutOfOrder) {
		ApplyPlan chosen = ApplyPlan.of(status, target, allowOutOfOrder);
		CatalogFacts facts = CatalogFacts.read(this.dataSource, this.config.lockTimeout());
		return plan(target, status, chosen.migrations(), facts);
	}

	/**
	 * The plan for these migrations, in this order, against these facts; reads nothing.
	 */
	public MigrationPlan plan(ApplyTarget target, StatusReport status, List<MigrationFile> migrations,
			CatalogFacts facts) {
		LintContext lint = facts.lintContext();
		List<MigrationPlan.Step> steps = new ArrayList<>();
		Map<String, String> relied = new LinkedHashMap<>();
		ObjectTimeline timeline = new ObjectTimeline(facts.searchPath(), facts::locate);
		for (MigrationFile file : migrations) {
			List<Finding> findings = this.linter.lint(file.up(), lint);
			List<MigrationPlan.PlannedStatement> statements = new ArrayList<>();
			for (SqlStatement statement : file.up().statements()) {
				LockInfo lock = StatementLocks.lockOf(statement, lint);
				List<MigrationPlan.TableImpact> tables = new ArrayList<>();
				// before: a DROP of a new table; after: a CREATE of it
				List<Boolean> before = lock.locks()
					.stream()
					.map(l -> timeline.createdByPlan(relation(l.table())))
					.toList();
				timeline.record(statement);
				typeChanges(statement, lint, relied);
				for (int i = 0; i < lock.locks().size(); i++) {
					TableLock tableLock = lock.locks().get(i);
					Optional<CatalogFacts.RelationStats> stats = facts.find(tableLock.table());
					boolean planned = stats.isEmpty()
							&& (before.get(i) || timeline.createdByPlan(relation(tableLock.table())));
					tables.add(new MigrationPlan.TableImpact(tableLock.table(), tableLock.mode(), stats, planned));
					relied.put("table " + tableLock.table(), existence(stats));
				}
				boolean newTablesOnly = !tables.isEmpty()
						&& tables.stream().allMatch(MigrationPlan.TableImpact::createdByPlan);
				List<Finding> own = findings.stream()
					.filter(f -> f.statement().equals(statement))
					.map(f -> newTablesOnly && f.dataLoss() ? informational(f) : f)
					.toList();
				statements.add(new MigrationPlan.PlannedStatement(statement, own, lock, tables));
			}
			for (DbObject created : DdlObjects.created(file.up().statements())) {
				if (RELATIONS.contains(created.kind())) {
					TableName name = new TableName(created.schema().orElse(null), created.name());
					relied.put("table " + name, existence(facts.find(name)));
				}
			}
			String why = file.isRepeatable() ? status.find(file.id()).map(MigrationStatus::detail).orElse("") : "";
			steps.add(new MigrationPlan.Step(file, statements, RollbackInstructions.of(file), why));
		}
		return new MigrationPlan(target, facts.serverVersionNum(), steps, status.findings(),
				fingerprint(target, status, facts, relied));
	}

	/**
	 * A data-loss finding on a table this plan creates: the table holds nothing yet, so
	 * it needs no {@code --allow-data-loss}.
	 */
	private static Finding informational(Finding f) {
		return new Finding(f.ruleId(), f.family(), Severity.INFO,
				f.message() + " (the table is new in this plan and holds no data yet)", f.why(), f.safeAlternative(),
				f.statement(), f.section(), f.suppressed(), f.suppressionReason());
	}

	/**
	 * The current type of each column a statement changes the type of: whether the change
	 * only widens it (no rewrite, no loss) depends on it.
	 */
	private static void typeChanges(SqlStatement statement, LintContext lint, Map<String, String> relied) {
		AlterTable.parse(Tokens.lex(statement.sql())).ifPresent(alter -> {
			for (AlterAction action : alter.actions()) {
				if (action.newType().isPresent() && action.alteredColumn().isPresent()) {
					String column = alter.table() + "." + action.alteredColumn().get();
					relied.put("column " + column,
							lint.columnType(alter.table(), action.alteredColumn().get()).orElse("absent"));
				}
			}
		});
	}

	private static DbObject relation(TableName table) {
		return new DbObject(DbObject.Kind.TABLE, table.toString(), Optional.ofNullable(table.schema()), table.name());
	}

	private static PlanFingerprint fingerprint(ApplyTarget target, StatusReport status, CatalogFacts facts,
			Map<String, String> relied) {
		Map<String, String> all = new LinkedHashMap<>(relied);
		all.put("target", describe(target));
		all.put("server_version_num", Integer.toString(facts.serverVersionNum()));
		all.put("lock_timeout", facts.lockTimeoutMillis() + " ms");
		all.putAll(status.facts());
		return PlanFingerprint.of(all);
	}

	/** {@code all pending}, {@code only 031-x}, {@code up to 031-x}. */
	public static String describe(ApplyTarget target) {
		return switch (target.kind()) {
			case ALL -> "all pending";
			case ONE -> "only " + target.id().get();
			case UP_TO -> "up to " + target.id().get();
		};
	}

	private static String existence(Optional<CatalogFacts.RelationStats> stats) {
		return stats.map(s -> "exists as " + s.qualifiedName()).orElse("absent");
	}

}
