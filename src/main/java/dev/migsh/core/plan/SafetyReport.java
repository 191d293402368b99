package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsh.core.catalog.CatalogFinding;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.LintContext;
import dev.migsh.core.lint.Linter;
import dev.migsh.core.lint.LockInfo;
import dev.migsh.core.lint.LockMode;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.TableLock;
import dev.migsh.core.lint.TableName;
import dev.migsh.core.lint.Tokens;

/**
 * The safety report over every migration in the folder, as the seed's report reads: for
 * each migration the risk of its up section, of its down section and of the locks it
 * takes; a verdict per command; duplicate versions and tables created by more than one
 * file. Reads files only: every table not created earlier in the same section is taken to
 * exist.
 */
public record SafetyReport(int serverVersionNum, List<MigrationRisk> migrations, List<Verdict> verdicts,
		List<CatalogFinding> duplicateVersions, List<DuplicateCreate> duplicateCreates) {

	/** What running a migration's up section can do to data. */
	public enum UpRisk {

		NONE("none"), WARNINGS("warnings"), NEEDS_REVIEW("needs review"), POSSIBLE_DATA_LOSS("possible data loss"),
		DATA_LOSS("data loss");

		private final String word;

		UpRisk(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

	}

	/** What undoing a migration does to data. */
	public enum DownRisk {

		NONE("none"), DATA_LOSS("data loss"), DISABLED("none (down is empty)"), MISSING("missing");

		private final String word;

		DownRisk(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

	}

	/** How hard a migration's locks hit running traffic on tables that already exist. */
	public enum LockRisk {

		NONE("none"), BLOCKS_WRITES("blocks writes"), BLOCKS_READS("blocks reads and writes");

		private final String word;

		LockRisk(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

	}

	/**
	 * Whether a command is safe for data: yes, usually (with the data kept aside), no.
	 */
	public enum Safe {

		YES, USUALLY, NO

	}

	/**
	 * One migration's risks, each with a one-line detail, and every finding behind them.
	 */
	public record MigrationRisk(String id, UpRisk up, String upDetail, DownRisk down, String downDetail, LockRisk lock,
			String lockDetail, List<Finding> findings) {

		public MigrationRisk {
			findings = List.copyOf(findings);
		}

	}

	/**
	 * One line of the verdict table: a command, the data it can lose, whether it is safe.
	 */
	public record Verdict(String scenario, String dataLossRisk, Safe safe) {
	}

	/** A table that more than one migration creates. */
	public record DuplicateCreate(String table, List<String> ids) {

		public DuplicateCreate {
			ids = List.copyOf(ids);
		}

	}

	public SafetyReport {
		migrations = List.copyOf(migrations);
		verdicts = List.copyOf(verdicts);
		duplicateVersions = List.copyOf(duplicateVersions);
		duplicateCreates = List.copyOf(duplicateCreates);
	}

	public static SafetyReport of(MigrationCatalog catalog, int serverVersionNum) {
		return of(catalog, LintContext.forServer(serverVersionNum), new Linter());
	}

	public static SafetyReport of(MigrationCatalog catalog, LintContext lint, Linter linter) {
		List<MigrationRisk> risks = new ArrayList<>();
		for (MigrationFile file : catalog.migrations()) {
			risks.add(risk(file, lint, linter));
		}
		List<CatalogFinding> duplicates = catalog.findings()
			.stream()
			.filter(f -> f.kind() == CatalogFinding.Kind.DUPLICATE_VERSION)
			.toList();
		return new SafetyReport(lint.serverVersionNum(), risks, verdicts(risks), duplicates, duplicateCreates(catalog));
	}

	/**
	 * SAFE, MOSTLY SAFE (undo can drop data, or the folder has duplicates) or NOT SAFE
	 * (an up loses data).
	 */
	public String overall() {
		if (this.migrations.stream().anyMatch(m -> m.up() == UpRisk.DATA_LOSS)) {
			return "NOT SAFE";
		}
		if (this.migrations.stream().anyMatch(m -> m.down() == DownRisk.DATA_LOSS) || !this.duplicateVersions.isEmpty()
				|| !this.duplicateCreates.isEmpty()) {
			return "MOSTLY SAFE";
		}
		return "SAFE";
	}

	private static MigrationRisk risk(MigrationFile file, LintContext lint, Linter linter) {
		List<Finding> up = linter.lint(file.up(), lint);
		List<Finding> down = file.down().map(d -> linter.lint(d, lint)).orElse(List.of());
		List<Finding> all = new ArrayList<>(up);
		all.addAll(down);
		UpRisk upRisk = UpRisk.NONE;
		if (up.stream().anyMatch(f -> f.dataLoss() && f.severity() == Severity.ERROR)) {
			upRisk = UpRisk.DATA_LOSS;
		}
		else if (up.stream().anyMatch(Finding::dataLoss)) {
			upRisk = UpRisk.POSSIBLE_DATA_LOSS;
		}
		else if (up.stream().anyMatch(Finding::blocking)) {
			upRisk = UpRisk.NEEDS_REVIEW;
		}
		else if (up.stream().anyMatch(f -> f.severity() != Severity.INFO && !f.suppressed())) {
			upRisk = UpRisk.WARNINGS;
		}
		boolean loss = upRisk == UpRisk.DATA_LOSS || upRisk == UpRisk.POSSIBLE_DATA_LOSS;
		String upDetail = ruleIds(loss ? up.stream().filter(Finding::dataLoss).toList()
				: up.stream().filter(f -> f.severity() != Severity.INFO).toList());
		DownRisk downRisk;
		String downDetail;
		if (file.down().isEmpty()) {
			downRisk = DownRisk.MISSING;
			downDetail = "no down section: undo is refused";
		}
		else if (file.down().get().isEmpty()) {
			downRisk = DownRisk.DISABLED;
			downDetail = "down is empty: undo only removes the history row and keeps the data";
		}
		else {
			List<DbObject> destroyed = DdlObjects.destroyed(file.down().get().statements());
			List<Finding> lost = down.stream().filter(Finding::dataLoss).toList();
			if (destroyed.isEmpty() && lost.isEmpty()) {
				downRisk = DownRisk.NONE;
				downDetail = "";
			}
			else {
				downRisk = DownRisk.DATA_LOSS;
				downDetail = destroyed.isEmpty()
						? String.join("; ", lost.stream().map(f -> f.ruleId() + ": " + f.message()).distinct().toList())
						: destroys(destroyed);
			}
		}
		LockMode strongest = LockMode.NONE;
		Set<String> on = new LinkedHashSet<>();
		boolean rewrite = false;
		List<StatementLock> locks = existingTableLocks(file.up(), lint);
		for (StatementLock s : locks) {
			strongest = strongest.max(s.lock().mode());
		}
		for (StatementLock s : locks) {
			if (s.lock().mode() == strongest && strongest != LockMode.NONE) {
				on.add(s.lock().table().toString());
			}
			rewrite |= s.rewrite();
		}
		LockRisk lockRisk = strongest.blocksReads() ? LockRisk.BLOCKS_READS
				: strongest.blocksWrites() ? LockRisk.BLOCKS_WRITES : LockRisk.NONE;
		String lockDetail = (strongest == LockMode.NONE) ? ""
				: strongest.sqlName() + " on " + String.join(", ", on) + (rewrite ? "; rewrites the table" : "");
		return new MigrationRisk(file.id(), upRisk, upDetail, downRisk, downDetail, lockRisk, lockDetail, all);
	}

	private record StatementLock(TableLock lock, boolean rewrite) {
	}

	/** The locks a section takes on tables it did not create itself. */
	private static List<StatementLock> existingTableLocks(Section section, LintContext lint) {
		List<StatementLock> locks = new ArrayList<>();
		List<TableName> created = new ArrayList<>();
		for (SqlStatement statement : section.statements()) {
			Tokens tokens = Tokens.lex(statement.sql());
			LockInfo info = dev.migsh.core.lint.StatementLocks.lockOf(tokens, lint);
			for (TableLock lock : info.locks()) {
				if (created.stream().noneMatch(lock.table()::sameAs)
						&& StatementContext.createdTable(tokens).map(t -> !t.sameAs(lock.table())).orElse(true)) {
					locks.add(new StatementLock(lock, info.rewrite()));
				}
			}
			StatementContext.createdTable(tokens).ifPresent(created::add);
		}
		return locks;
	}

	private static List<Verdict> verdicts(List<MigrationRisk> risks) {
		List<Verdict> verdicts = new ArrayList<>();
		List<String> upLoss = risks.stream().filter(r -> r.up() == UpRisk.DATA_LOSS).map(MigrationRisk::id).toList();
		List<String> upMaybe = risks.stream()
			.filter(r -> r.up() == UpRisk.POSSIBLE_DATA_LOSS)
			.map(r -> r.id() + " (" + r.upDetail() + ")")
			.toList();
		if (!upLoss.isEmpty()) {
			verdicts.add(new Verdict("apply", "data in " + String.join(", ", upLoss), Safe.NO));
		}
		else if (!upMaybe.isEmpty()) {
			verdicts.add(new Verdict("apply", "possible, from lossy changes in " + String.join(", ", upMaybe),
					Safe.USUALLY));
		}
		else {
			verdicts.add(new Verdict("apply", "none", Safe.YES));
		}
		List<MigrationRisk> downLoss = risks.stream().filter(r -> r.down() == DownRisk.DATA_LOSS).toList();
		boolean tables = downLoss.stream().anyMatch(r -> r.downDetail().contains("table "));
		String undo = downLoss.isEmpty() ? "none"
				: (tables ? "table and column data" : "column data only") + " in "
						+ (downLoss.size() <= 3 ? String.join(", ", downLoss.stream().map(MigrationRisk::id).toList())
								: downLoss.size() + " migrations (" + downLoss.get(0).id() + ", ...)")
						+ "; kept in migsh_trash";
		verdicts.add(new Verdict("undo", undo, downLoss.isEmpty() ? Safe.YES : Safe.USUALLY));
		verdicts.add(new Verdict("undo --dry-run", "none", Safe.YES));
		verdicts.add(new Verdict("plan / status / report", "none", Safe.YES));
		verdicts.add(new Verdict("mark-applied / mark-pending", "none", Safe.YES));
		verdicts.add(new Verdict("reset (development only)", "ALL DATA", Safe.NO));
		return verdicts;
	}

	private static List<DuplicateCreate> duplicateCreates(MigrationCatalog catalog) {
		Map<String, List<String>> byTable = new LinkedHashMap<>();
		for (MigrationFile file : catalog.migrations()) {
			for (DbObject object : DdlObjects.created(file.up().statements())) {
				if (object.kind() == DbObject.Kind.TABLE) {
					String name = object.schema().map(s -> s + ".").orElse("") + object.name();
					List<String> ids = byTable.computeIfAbsent(name, k -> new ArrayList<>());
					if (!ids.contains(file.id())) {
						ids.add(file.id());
					}
				}
			}
		}
		return byTable.entrySet()
			.stream()
			.filter(e -> e.getValue().size() > 1)
			.map(e -> new DuplicateCreate(e.getKey(), e.getValue()))
			.toList();
	}

	private static String destroys(List<DbObject> objects) {
		List<String> columns = objects.stream()
			.filter(o -> o.kind() == DbObject.Kind.COLUMN)
			.map(DbObject::sqlName)
			.toList();
		List<String> parts = new ArrayList<>();
		if (!columns.isEmpty()) {
			parts.add("drops column" + (columns.size() > 1 ? "s " : " ") + String.join(", ", columns));
		}
		objects.stream().filter(o -> o.kind() != DbObject.Kind.COLUMN).forEach(o -> parts.add("drops " + o.describe()));
		return String.join("; ", parts);
	}

	private static String ruleIds(List<Finding> findings) {
		return String.join(", ", new LinkedHashSet<>(findings.stream().map(Finding::ruleId).toList()));
	}

}
