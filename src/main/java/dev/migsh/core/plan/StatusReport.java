package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.CatalogFinding;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Version;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.HistoryState;

/**
 * Every migration with its state (files on disk × history rows), the count per state, and
 * the catalog's findings (duplicate versions) passed through.
 */
public record StatusReport(List<MigrationStatus> rows, Map<MigrationState, Integer> counts,
		List<CatalogFinding> findings) {

	public StatusReport {
		rows = List.copyOf(rows);
		counts = Collections.unmodifiableMap(new EnumMap<>(counts));
		findings = List.copyOf(findings);
	}

	public static StatusReport of(MigrationCatalog set, List<AppliedMigration> history) {
		Map<String, AppliedMigration> byId = new HashMap<>();
		Version highest = null;
		for (AppliedMigration row : history) {
			byId.put(row.id(), row);
			Version v = version(row.version());
			if (v != null && (highest == null || v.compareTo(highest) > 0)) {
				highest = v;
			}
		}
		List<MigrationStatus> rows = new ArrayList<>();
		for (MigrationFile file : set.migrations()) {
			AppliedMigration row = byId.remove(file.id());
			rows.add((row == null) ? pending(file, highest) : recorded(file, row));
		}
		for (AppliedMigration row : history) {
			if (byId.containsKey(row.id())) {
				rows.add(new MigrationStatus(row.id(), row.version(), row.name(), MigrationState.MISSING,
						Optional.empty(), Optional.of(row),
						"in history (" + row.state().word() + ") but its file is gone"));
			}
		}
		// each version parsed once, not in every comparison
		Map<String, Version> versions = new HashMap<>();
		rows.sort(Comparator
			.comparing((MigrationStatus s) -> versions.computeIfAbsent(s.version(), StatusReport::versionOrZero))
			.thenComparing(MigrationStatus::name)
			.thenComparing(MigrationStatus::id));
		Map<MigrationState, Integer> counts = new EnumMap<>(MigrationState.class);
		for (MigrationState state : MigrationState.values()) {
			counts.put(state, 0);
		}
		rows.forEach(r -> counts.merge(r.state(), 1, Integer::sum));
		return new StatusReport(rows, counts, set.findings());
	}

	/** Why a repeatable that never ran is pending, as {@code plan} and status say it. */
	public static final String NEVER_APPLIED = "never applied";

	/** Why an applied repeatable runs again. */
	public static final String CHECKSUM_CHANGED = "checksum changed";

	private static MigrationStatus pending(MigrationFile file, Version highest) {
		if (file.isRepeatable()) {
			return status(file, null, MigrationState.PENDING, NEVER_APPLIED);
		}
		if (highest != null && file.version().compareTo(highest) < 0) {
			return status(file, null, MigrationState.OUT_OF_ORDER,
					"version " + file.version() + " is below the highest recorded version " + highest);
		}
		return status(file, null, MigrationState.PENDING, "");
	}

	private static MigrationStatus recorded(MigrationFile file, AppliedMigration row) {
		if (row.state() == HistoryState.FAILED) {
			int at = row.failedStatement() > 0 ? row.failedStatement() : row.statementsDone() + 1;
			return status(file, row, MigrationState.FAILED,
					"failed at " + at + "/" + row.statementsTotal() + ": " + row.error().orElse("no error recorded"));
		}
		if (file.isRepeatable() && !row.currentUpChecksum().equals(file.up().checksum())) {
			return status(file, row, MigrationState.OUTDATED, CHECKSUM_CHANGED + " (last run sha256:"
					+ shortSum(row.currentUpChecksum()) + ", file sha256:" + shortSum(file.up().checksum()) + ")");
		}
		if (!row.currentUpChecksum().equals(file.up().checksum())) {
			return status(file, row, MigrationState.CHANGED,
					"changed since " + (row.accepted().isPresent() ? "repair accepted it" : row.state().word())
							+ " (recorded sha256:" + shortSum(row.currentUpChecksum()) + ", file sha256:"
							+ shortSum(file.up().checksum()) + ")");
		}
		MigrationState state = switch (row.state()) {
			case MARKED -> MigrationState.MARKED;
			case BASELINE -> MigrationState.BASELINE;
			default -> MigrationState.APPLIED;
		};
		return status(file, row, state, "");
	}

	private static MigrationStatus status(MigrationFile file, AppliedMigration row, MigrationState state,
			String detail) {
		return new MigrationStatus(file.id(), file.version().text(), file.name(), state, Optional.of(file),
				Optional.ofNullable(row), detail);
	}

	private static String shortSum(String checksum) {
		return checksum.length() > 12 ? checksum.substring(0, 12) : checksum;
	}

	private static Version version(String text) {
		try {
			return Version.parse(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Version versionOrZero(String text) {
		if (text.isEmpty()) {
			return Version.REPEATABLE;
		}
		Version v = version(text);
		return v == null ? Version.parse("0") : v;
	}

	/**
	 * The files and history rows this status was computed from, as facts: what a change
	 * proposed now expects to find again under the migration lock.
	 */
	public PlanFingerprint fingerprint() {
		return PlanFingerprint.of(facts());
	}

	Map<String, String> facts() {
		Map<String, String> facts = new java.util.LinkedHashMap<>();
		for (MigrationStatus row : this.rows) {
			row.file()
				.ifPresent(f -> facts.put("file " + f.id(), "up sha256:" + shortSum(f.up().checksum())
						+ f.down().map(d -> ", down sha256:" + shortSum(d.checksum())).orElse("")));
			row.applied()
				.ifPresent(
						a -> facts.put("history " + a.id(),
								a.state().word() + " (up sha256:" + shortSum(a.currentUpChecksum())
										+ (a.state() == dev.migsh.core.history.HistoryState.FAILED
												? ", " + a.statementsDone() + "/" + a.statementsTotal() + " ran" : "")
										+ ")"));
		}
		return facts;
	}

	public int count(MigrationState state) {
		return this.counts.getOrDefault(state, 0);
	}

	public List<MigrationStatus> inState(MigrationState state) {
		return this.rows.stream().filter(r -> r.state() == state).toList();
	}

	/**
	 * The row for an id, or for a version number when exactly one migration has it
	 * ({@code 3} finds {@code 003-add-users}).
	 */
	public MigrationStatus resolve(String idOrVersion) {
		Optional<MigrationStatus> exact = find(idOrVersion);
		if (exact.isPresent()) {
			return exact.get();
		}
		Version wanted = version(idOrVersion);
		List<MigrationStatus> matches = (wanted == null) ? List.of()
				: this.rows.stream().filter(r -> wanted.sameNumber(versionOrZero(r.version()))).toList();
		if (matches.size() == 1) {
			return matches.get(0);
		}
		if (matches.isEmpty()) {
			List<String> close = MigrationCatalog.closest(this.rows.stream().map(MigrationStatus::id).toList(),
					idOrVersion.strip());
			throw new MigshException("No migration " + idOrVersion + " in the folder or the history", close.isEmpty()
					? "Run `status` to see the migration ids." : "Did you mean " + String.join(" or ", close) + "?");
		}
		throw new MigshException("Version " + idOrVersion + " matches several migrations: "
				+ String.join(", ", matches.stream().map(MigrationStatus::id).toList()), "Give the full id.");
	}

	public Optional<MigrationStatus> find(String id) {
		return this.rows.stream().filter(r -> r.id().equals(id)).findFirst();
	}

	/**
	 * Rows in history that count as applied (applied, changed, marked, baseline), in the
	 * order recorded.
	 */
	public List<MigrationStatus> appliedInOrder() {
		return appliedRows().toList();
	}

	/**
	 * The versioned rows of {@link #appliedInOrder()}: what undo can take back (a
	 * repeatable is never undone).
	 */
	public List<MigrationStatus> versionedAppliedInOrder() {
		return appliedRows().filter(r -> !r.isRepeatable()).toList();
	}

	private java.util.stream.Stream<MigrationStatus> appliedRows() {
		return this.rows.stream()
			.filter(r -> r.applied().isPresent() && r.applied().get().isApplied())
			.sorted(Comparator.comparingLong(r -> r.applied().get().rank()));
	}

}
