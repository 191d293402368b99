package dev.migsh.core.adopt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.migsh.core.adopt.AdoptionMatch.Ambiguous;
import dev.migsh.core.adopt.AdoptionMatch.Matched;
import dev.migsh.core.adopt.AdoptionMatch.Refused;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Version;

/**
 * Ties each entry of another tool's history to a migration in the folder: by file stem,
 * by Flyway version and description, or by version alone when the tool keeps no name. A
 * name that disagrees with the only file of its version is reported as ambiguous rather
 * than guessed. When one migration has several rows (re-applied after a rollback), the
 * latest row decides. It reads nothing from the database.
 */
public final class AdoptionMatcher {

	private final ForeignHistory history;

	private final List<MigrationFile> migrations;

	private final List<Matched> matched = new ArrayList<>();

	private final List<ForeignEntry> unmatched = new ArrayList<>();

	private final List<Ambiguous> ambiguous = new ArrayList<>();

	private final List<Refused> refused = new ArrayList<>();

	private final List<ForeignEntry> superseded = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final Set<String> accounted = new HashSet<>();

	// indexes over the folder, so that matching N rows against N files is linear
	private final java.util.Map<String, NameKey> keys = new java.util.HashMap<>();

	private final java.util.Map<String, List<MigrationFile>> byWords = new java.util.HashMap<>();

	private final java.util.TreeMap<Version, List<MigrationFile>> byNumber = new java.util.TreeMap<>();

	private AdoptionMatcher(ForeignHistory history, MigrationCatalog catalog) {
		this.history = history;
		this.migrations = catalog.migrations();
		for (MigrationFile m : this.migrations) {
			NameKey key = NameKey.of(m.id());
			this.keys.put(m.id(), key);
			this.byWords.computeIfAbsent(key.words(), (w) -> new ArrayList<>()).add(m);
			if (!m.version().isRepeatable()) {
				this.byNumber.computeIfAbsent(m.version(), (v) -> new ArrayList<>()).add(m);
			}
		}
	}

	/** The history set against the folder; see {@link AdoptionMatch}. */
	public static AdoptionMatch match(ForeignHistory history, MigrationCatalog catalog) {
		return new AdoptionMatcher(history, catalog).run();
	}

	private AdoptionMatch run() {
		switch (this.history.tool()) {
			case GOLANG_MIGRATE -> matchUpToVersion();
			case ALEMBIC -> matchUpToHeads();
			default -> matchEach();
		}
		java.util.Map<String, List<Matched>> byId = new java.util.HashMap<>();
		this.matched.forEach((x) -> byId.computeIfAbsent(x.migrationId(), (id) -> new ArrayList<>()).add(x));
		List<Matched> inOrder = new ArrayList<>();
		for (MigrationFile m : this.migrations) {
			inOrder.addAll(byId.getOrDefault(m.id(), List.of()));
		}
		List<String> pending = this.migrations.stream()
			.map(MigrationFile::id)
			.filter(id -> !this.accounted.contains(id))
			.toList();
		return new AdoptionMatch(this.history, inOrder, this.unmatched, pending, this.ambiguous, this.refused,
				this.superseded, this.notes);
	}

	private void matchEach() {
		Map<String, Decision> decisions = new LinkedHashMap<>();
		List<ForeignEntry> baselines = new ArrayList<>();
		for (ForeignEntry entry : this.history.entries()) {
			if (entry.state() == ForeignState.BASELINE) {
				baselines.add(entry);
				continue;
			}
			Candidates found = candidates(entry);
			boolean unsure = found.files().size() > 1 || (found.files().size() == 1 && found.reason() != null);
			if (unsure && !entry.state().isAdoptable()) {
				this.refused.add(new Refused(entry, "",
						reason(entry.state()) + "; it could be " + String.join(" or ", ids(found.files()))));
				if (entry.state().isInDoubt()) {
					this.accounted.addAll(ids(found.files()));
				}
			}
			else if (unsure) {
				this.ambiguous.add(new Ambiguous(entry, ids(found.files()), found.reason()));
				this.accounted.addAll(ids(found.files()));
			}
			else if (found.files().isEmpty()) {
				if (entry.state().isAdoptable()) {
					this.unmatched.add(entry);
				}
				else {
					this.refused.add(new Refused(entry, "", reason(entry.state())));
				}
			}
			else {
				Decision earlier = decisions.put(found.files().get(0).id(), new Decision(entry, found.rule()));
				if (earlier != null) {
					this.superseded.add(earlier.entry());
				}
			}
		}
		decisions.forEach((id, decision) -> {
			ForeignState state = decision.entry().state();
			if (state.isAdoptable()) {
				this.accounted.add(id);
				this.matched.add(new Matched(decision.entry(), id, decision.rule()));
			}
			else {
				if (state.isInDoubt()) {
					this.accounted.add(id);
				}
				this.refused.add(new Refused(decision.entry(), id, reason(state)));
			}
		});
		for (ForeignEntry baseline : baselines) {
			coverBaseline(baseline);
		}
	}

	private void coverBaseline(ForeignEntry baseline) {
		Optional<Version> upTo = NameKey.version(baseline.version());
		if (upTo.isEmpty()) {
			this.unmatched.add(baseline);
			return;
		}
		this.notes.add(this.history.tool().displayName() + " baseline at version " + baseline.version()
				+ ": every migration at or below it counts as already in the database");
		boolean covered = false;
		for (MigrationFile m : this.migrations) {
			if (m.version().compareTo(upTo.get()) <= 0 && this.accounted.add(m.id())) {
				this.matched.add(new Matched(baseline, m.id(), MatchRule.BELOW_BASELINE));
				covered = true;
			}
		}
		if (!covered) {
			this.unmatched.add(baseline);
		}
	}

	/**
	 * The files an entry may be: by stem first, then Flyway's description, then the
	 * version. A {@code reason} marks a single candidate that is still a guess.
	 */
	private Candidates candidates(ForeignEntry entry) {
		if (!entry.name().isEmpty()) {
			NameKey key = NameKey.of(entry.name());
			List<MigrationFile> byName = this.byWords.getOrDefault(key.words(), List.of())
				.stream()
				.filter(m -> this.keys.get(m.id()).sameAs(key))
				.toList();
			if (!byName.isEmpty()) {
				return new Candidates(byName, MatchRule.FILE_NAME,
						byName.size() > 1 ? "several files have this name" : null);
			}
		}
		Optional<Version> version = NameKey.version(entry.version());
		if (version.isEmpty()) {
			return new Candidates(List.of(), null, null);
		}
		List<MigrationFile> byVersion = this.byNumber.getOrDefault(version.get(), List.of());
		if (this.history.tool() == ForeignTool.FLYWAY && !entry.description().isEmpty()) {
			String words = NameKey.words(entry.description());
			List<MigrationFile> described = byVersion.stream()
				.filter(m -> NameKey.words(m.name()).equals(words))
				.toList();
			if (described.size() == 1) {
				return new Candidates(described, MatchRule.FLYWAY_DESCRIPTION, null);
			}
		}
		if (byVersion.size() > 1) {
			return new Candidates(byVersion, MatchRule.VERSION,
					byVersion.size() + " files share version " + entry.version());
		}
		if (byVersion.size() == 1 && hasOwnName(entry)) {
			return new Candidates(byVersion, MatchRule.VERSION, "same version, different name: the old history says "
					+ describe(entry) + ", the file is " + byVersion.get(0).id());
		}
		return new Candidates(byVersion, MatchRule.VERSION, null);
	}

	/** golang-migrate keeps one row: every migration up to its version ran. */
	private void matchUpToVersion() {
		for (ForeignEntry entry : this.history.entries()) {
			Optional<Version> upTo = NameKey.version(entry.version());
			if (upTo.isEmpty()) {
				this.refused.add(new Refused(entry, "", entry.state() == ForeignState.DIRTY
						? "dirty with no version: the first migration stopped half-way" : reason(entry.state())));
				continue;
			}
			boolean fileAtVersion = false;
			for (MigrationFile m : this.migrations) {
				int c = m.version().compareTo(upTo.get());
				if (c > 0) {
					continue;
				}
				fileAtVersion |= c == 0;
				if (this.accounted.add(m.id())) {
					if (c == 0 && entry.state() == ForeignState.DIRTY) {
						this.refused.add(new Refused(entry, m.id(), reason(ForeignState.DIRTY)));
					}
					else {
						this.matched.add(new Matched(entry, m.id(), MatchRule.UP_TO_VERSION));
					}
				}
			}
			if (!fileAtVersion && entry.state() == ForeignState.DIRTY) {
				this.refused.add(new Refused(entry, "",
						reason(ForeignState.DIRTY) + "; no file here has version " + entry.version()));
			}
			else if (!fileAtVersion) {
				this.unmatched.add(entry);
			}
		}
		if (this.history.entries().isEmpty()) {
			return;
		}
		this.notes.add("golang-migrate records only the last version: every migration up to " + versions()
				+ " counts as applied");
	}

	/**
	 * Alembic keeps only its heads: everything up to a head, in the folder's order, ran.
	 */
	private void matchUpToHeads() {
		for (ForeignEntry head : this.history.entries()) {
			List<MigrationFile> files = headFiles(head);
			if (files.isEmpty()) {
				this.unmatched.add(head);
			}
			else if (files.size() > 1) {
				this.ambiguous.add(new Ambiguous(head, ids(files), "several files fit head " + head.name()));
				this.accounted.addAll(ids(files));
			}
			else {
				int last = this.migrations.indexOf(files.get(0));
				for (MigrationFile m : this.migrations.subList(0, last + 1)) {
					if (this.accounted.add(m.id())) {
						this.matched.add(new Matched(head, m.id(), MatchRule.UP_TO_HEAD));
					}
				}
			}
		}
		this.notes.add("Alembic records only its current heads, not a chain migsh can follow: every migration up to"
				+ " each head, in this folder's order, counts as applied");
	}

	private List<MigrationFile> headFiles(ForeignEntry head) {
		Optional<Version> version = NameKey.version(head.version());
		String words = NameKey.words(head.name());
		return this.migrations.stream()
			.filter(m -> version.map(v -> m.version().sameNumber(v)).orElse(false)
					|| NameKey.words(m.id()).equals(words) || NameKey.words(m.name()).startsWith(words + "-"))
			.toList();
	}

	private String versions() {
		return String.join(", ", this.history.entries().stream().map(ForeignEntry::version).toList());
	}

	private static boolean hasOwnName(ForeignEntry entry) {
		return !NameKey.of(entry.name()).words().isEmpty()
				|| (!entry.description().isEmpty() && !entry.description().startsWith("<<"));
	}

	private static String describe(ForeignEntry entry) {
		return entry.name().isEmpty() ? entry.version() + " " + entry.description() : entry.name();
	}

	private String reason(ForeignState state) {
		String tool = this.history.tool().displayName();
		return switch (state) {
			case FAILED -> tool + " recorded it as failed or still running: check what it did, then apply it with"
					+ " migsh or mark it applied";
			case DIRTY -> tool + " marks it dirty: it stopped half-way; check what ran before marking it applied";
			case ROLLED_BACK -> tool + " recorded it as rolled back: it is not in the database";
			case UNDONE -> tool + " undid it: it is no longer in the database";
			case SKIPPED -> tool + " skipped it: it never ran";
			case APPLIED, BASELINE -> "";
		};
	}

	private static List<String> ids(List<MigrationFile> files) {
		return files.stream().map(MigrationFile::id).toList();
	}

	private record Decision(ForeignEntry entry, MatchRule rule) {
	}

	private record Candidates(List<MigrationFile> files, MatchRule rule, String reason) {
	}

}
