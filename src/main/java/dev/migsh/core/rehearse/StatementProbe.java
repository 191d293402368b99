package dev.migsh.core.rehearse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.migsh.core.apply.StatementObserver;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SectionKind;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.lint.LockInfo;
import dev.migsh.core.lint.LockMode;
import dev.migsh.core.postgres.PostgresErrors;
import dev.migsh.core.rehearse.CopyCatalog.HeldLock;
import dev.migsh.core.rehearse.CopyCatalog.Relation;

/**
 * Watches each up statement of a migration on the copy, on its own session and inside its
 * transaction: the locks it took from {@code pg_locks}, the tables and indexes whose file
 * it replaced, the rows it read and wrote, its duration, the live estimate, and the
 * rules' prediction beside it. Relations its own migration created are left out: nobody
 * else can see them before COMMIT.
 */
final class StatementProbe implements StatementObserver {

	/** Beyond this factor the sample's fixed costs distort the estimate noticeably. */
	private static final double SMALL_SAMPLE = 25;

	private final CopyCatalog catalog;

	private final LiveSizes live;

	private final Map<String, Long> copiedRows;

	private List<LockInfo> predictions = List.of();

	private Map<Long, Relation> atStart;

	private Map<Long, Relation> before;

	private Set<HeldLock> locksBefore;

	private Map<Long, Long> tuplesBefore;

	private long started;

	private final List<ObservedStatement> observed = new ArrayList<>();

	private final javax.sql.DataSource copy;

	private LockSampler sampler;

	StatementProbe(CopyCatalog catalog, LiveSizes live, Map<String, Long> copiedRows, javax.sql.DataSource copy) {
		this.copy = copy;
		this.catalog = catalog;
		this.live = live;
		this.copiedRows = copiedRows;
	}

	/** The next migration to watch, with the rules' prediction of each up statement. */
	void startMigration(List<LockInfo> predicted) {
		this.predictions = predicted;
		this.atStart = null;
		this.observed.clear();
	}

	List<ObservedStatement> observed() {
		return List.copyOf(this.observed);
	}

	@Override
	public void before(Connection connection, MigrationFile file, Section section, int index, SqlStatement statement)
			throws SQLException {
		if (section.kind() != SectionKind.UP) {
			return;
		}
		this.before = this.catalog.relations(connection);
		if (this.atStart == null) {
			this.atStart = this.before;
		}
		this.locksBefore = CopyCatalog.locks(connection);
		this.tuplesBefore = CopyCatalog.tuples(connection);
		stopSampling();
		if (connection.getAutoCommit()) {
			this.sampler = LockSampler.start(this.copy, backendPid(connection));
		}
		this.started = System.nanoTime();
	}

	/**
	 * Stops sampling the locks of a statement run without a transaction (one that failed
	 * included).
	 */
	void stopSampling() {
		if (this.sampler != null) {
			this.sampler.close();
			this.sampler = null;
		}
	}

	private static int backendPid(Connection connection) throws SQLException {
		try (java.sql.Statement st = connection.createStatement();
				java.sql.ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	@Override
	public void after(Connection connection, MigrationFile file, Section section, int index, SqlStatement statement)
			throws SQLException {
		if (section.kind() != SectionKind.UP) {
			return;
		}
		Duration took = Duration.ofNanos(System.nanoTime() - this.started);
		// outside a transaction the locks ended with the statement: what was sampled
		// meanwhile
		Set<HeldLock> sampled = (this.sampler != null) ? this.sampler.seen() : Set.of();
		this.sampler = null;
		Map<Long, Relation> after = this.catalog.relations(connection);
		Set<HeldLock> locks = connection.getAutoCommit() ? sampled : CopyCatalog.locks(connection);
		Map<Long, Long> tuples = CopyCatalog.tuples(connection);
		boolean inTransaction = !connection.getAutoCommit();
		List<ObservedLock> taken = new ArrayList<>();
		List<ObservedLock> held = new ArrayList<>();
		for (HeldLock lock : locks) {
			Relation relation = this.atStart.get(lock.oid());
			if (relation != null) {
				ObservedLock observed = new ObservedLock(relation.name(), relation.index(),
						ObservedLock.parse(lock.mode()));
				held.add(observed);
				if (!this.locksBefore.contains(lock)) {
					taken.add(observed);
				}
			}
		}
		Comparator<ObservedLock> strongestFirst = Comparator.comparing(ObservedLock::mode)
			.reversed()
			.thenComparing(ObservedLock::relation);
		taken.sort(strongestFirst);
		held.sort(strongestFirst);
		List<String> rewritten = new ArrayList<>();
		List<String> rebuilt = new ArrayList<>();
		long bytes = 0;
		Set<Long> worked = new LinkedHashSet<>();
		for (Relation now : after.values()) {
			Relation then = this.before.get(now.oid());
			if (then == null) {
				bytes += now.bytes();
				if (now.index() && now.bytes() > 0) {
					worked.add(now.tableOid());
				}
			}
			else if (then.fileNode() != 0 && then.fileNode() != now.fileNode() && this.atStart.containsKey(now.oid())) {
				(now.index() ? rebuilt : rewritten).add(now.name());
				bytes += now.bytes();
				worked.add(now.tableOid());
			}
		}
		rewritten.sort(Comparator.naturalOrder());
		rebuilt.sort(Comparator.naturalOrder());
		tuples.forEach((oid, count) -> {
			if (count > this.tuplesBefore.getOrDefault(oid, 0L)) {
				worked.add(oid);
			}
		});
		LiveEstimate estimate = estimate(took, worked);
		LockInfo predicted = (index - 1 < this.predictions.size()) ? this.predictions.get(index - 1)
				: LockInfo.none("");
		ObservedStatement result = new ObservedStatement(index, statement.sent(),
				PostgresErrors.location(section.file(), statement, 0), inTransaction, taken, held, rewritten, rebuilt,
				bytes, took, estimate, predicted.strongest(), predicted.rewrite(), List.of());
		this.observed.add(new ObservedStatement(result.index(), result.sql(), result.location(), inTransaction, taken,
				held, rewritten, rebuilt, bytes, took, estimate, predicted.strongest(), predicted.rewrite(),
				disagreements(result, onExisting(predicted))));
	}

	// the table that dominates the work: the largest live table the statement read,
	// wrote or rewrote, scaled by live pages over pages on the copy
	private LiveEstimate estimate(Duration took, Set<Long> worked) {
		Set<Long> seen = new HashSet<>();
		String largest = null;
		long livePages = -1;
		long copyPages = 0;
		for (Long oid : worked) {
			Relation relation = this.before.get(oid);
			if (relation == null || !this.atStart.containsKey(oid) || !seen.add(oid)) {
				continue;
			}
			Optional<LiveSizes.Size> size = this.live.of(relation.name());
			if (size.isPresent() && size.get().pages() > livePages) {
				largest = relation.name();
				livePages = size.get().pages();
				copyPages = this.live.pages(relation.bytes());
			}
		}
		if (largest == null) {
			return worked.isEmpty() ? LiveEstimate.same(took, "no rows read or written: as on the copy")
					: LiveEstimate.same(took, "only tables the plan creates: as on the copy");
		}
		if (copyPages == 0) {
			return (livePages == 0) ? LiveEstimate.same(took, largest + " is empty: as on the copy")
					: LiveEstimate.unknown("no sample rows of " + largest + " on the copy (--rows)");
		}
		double factor = Math.max(1.0, (double) livePages / copyPages);
		Duration scaled = Duration.ofNanos((long) (took.toNanos() * factor));
		String basis = String.format(java.util.Locale.ROOT,
				"×%.1f (%s: %,d live pages / %,d pages on the copy, %,d rows copied)", factor, largest, livePages,
				copyPages, this.copiedRows.getOrDefault(largest, 0L));
		// the statement's fixed cost is scaled too: a tiny sample overestimates
		return new LiveEstimate(Optional.of(scaled), (factor > SMALL_SAMPLE)
				? basis + "; an upper bound: the sample is small beside the table, raise --rows" : basis);
	}

	/**
	 * The prediction on tables that existed before the statement: the copy observes locks
	 * on those only, and a table the statement creates is locked by nobody else.
	 */
	private LockInfo onExisting(LockInfo predicted) {
		List<dev.migsh.core.lint.TableLock> existing = predicted.locks()
			.stream()
			.filter((lock) -> this.before.values().stream().anyMatch((r) -> {
				int dot = r.name().indexOf('.');
				return lock.table()
					.sameAs(new dev.migsh.core.lint.TableName(r.name().substring(0, dot), r.name().substring(dot + 1)));
			}))
			.toList();
		return new LockInfo(existing, predicted.rewrite(), predicted.scan(), predicted.note());
	}

	private static List<String> disagreements(ObservedStatement observed, LockInfo predicted) {
		List<String> found = new ArrayList<>();
		if (!observed.inTransaction()) {
			return found;
		}
		LockMode seen = observed.strongestLock();
		// nothing new while an earlier statement holds as much: it may need that lock too
		boolean inconclusive = seen == LockMode.NONE && observed.heldLock().compareTo(predicted.strongest()) >= 0
				&& predicted.strongest() != LockMode.NONE;
		if (seen != predicted.strongest() && !inconclusive) {
			found.add("predicted " + name(predicted.strongest()) + ", observed " + name(seen));
		}
		boolean rewroteTable = !observed.rewritten().isEmpty();
		if (predicted.rewrite() && !rewroteTable) {
			found.add("predicted a rewrite, observed none");
		}
		else if (!predicted.rewrite() && rewroteTable) {
			found.add("predicted no rewrite, observed a rewrite of " + String.join(", ", observed.rewritten()));
		}
		return found;
	}

	private static String name(LockMode mode) {
		return (mode == LockMode.NONE) ? "no lock" : mode.sqlName();
	}

	static Map<String, Long> rowsByTable(List<CopySummary.SampledTable> tables) {
		Map<String, Long> rows = new HashMap<>();
		tables.forEach((t) -> rows.put(t.table(), t.copied()));
		return rows;
	}

}
