package dev.migsh.core.adopt;

import java.util.List;

/**
 * Another tool's history set against the migrations folder: what can be adopted as
 * applied, what the old history has that the folder does not, what stays pending, what is
 * ambiguous, and what must not be adopted (failed, dirty, rolled back, undone). A
 * migration whose last row says rolled back, undone or skipped is also pending; a failed
 * or dirty one is neither pending nor adoptable until someone decides. Every entry of the
 * history appears in one of matched, unmatched, ambiguous, refused or superseded; a
 * golang-migrate, Alembic or Flyway baseline row may stand for several migrations, and a
 * golang-migrate version with no file of its own is also listed as unmatched.
 */
public record AdoptionMatch(ForeignHistory history, List<Matched> matched, List<ForeignEntry> unmatched,
		List<String> pending, List<Ambiguous> ambiguous, List<Refused> refused, List<ForeignEntry> superseded,
		List<String> notes) {

	public AdoptionMatch {
		matched = List.copyOf(matched);
		unmatched = List.copyOf(unmatched);
		pending = List.copyOf(pending);
		ambiguous = List.copyOf(ambiguous);
		refused = List.copyOf(refused);
		superseded = List.copyOf(superseded);
		notes = List.copyOf(notes);
	}

	/** The migration ids that may be recorded as applied, in the folder's order. */
	public List<String> adoptableIds() {
		return this.matched.stream().map(Matched::migrationId).toList();
	}

	/** True when nothing needs a person's decision: no ambiguity and nothing refused. */
	public boolean isClean() {
		return this.ambiguous.isEmpty() && this.refused.isEmpty();
	}

	/** An entry tied to one migration, which may be adopted as applied. */
	public record Matched(ForeignEntry entry, String migrationId, MatchRule rule) {
	}

	/** An entry that could be any of several migrations, and why. */
	public record Ambiguous(ForeignEntry entry, List<String> migrationIds, String reason) {

		public Ambiguous {
			migrationIds = List.copyOf(migrationIds);
		}

	}

	/**
	 * An entry that must not be adopted as applied; {@code migrationId} is empty when it
	 * matches no file.
	 */
	public record Refused(ForeignEntry entry, String migrationId, String reason) {
	}

}
