package dev.migsh.core.history;

import java.time.Instant;
import java.util.List;

/**
 * What an inspection of the history's own tables found: each damage with its fix, and the
 * history rows the audit trail says should exist but do not (lost rows, which
 * {@code repair --from-audit} rebuilds). No damage and no lost row: the history can be
 * trusted.
 *
 * @param fresh none of the history, audit and meta tables exists: a database migsh has
 * not written yet (or whose whole history schema was dropped, audit included)
 * @param missingTables the tables of history, audit and meta that are missing while
 * another exists, schema-qualified
 */
public record HistoryHealth(boolean fresh, List<String> missingTables, List<Damage> damages, List<LostRow> lostRows) {

	/**
	 * One thing found wrong, and what to do about it.
	 *
	 * @param rebuildMends {@code repair --from-audit} is the fix
	 */
	public record Damage(String what, String fix, boolean rebuildMends) {
	}

	/**
	 * A history row the audit trail records as written (its last change was an apply,
	 * mark-applied, adopt or baseline, with no later undo, mark-pending or reset) that
	 * the history does not hold.
	 *
	 * @param auditSeq the audit entry that recorded it
	 */
	public record LostRow(String id, HistoryState state, Instant at, String dbUser, String operator, long auditSeq) {
	}

	public HistoryHealth {
		missingTables = List.copyOf(missingTables);
		damages = List.copyOf(damages);
		lostRows = List.copyOf(lostRows);
	}

	public static HistoryHealth ofFresh() {
		return new HistoryHealth(true, List.of(), List.of(), List.of());
	}

	/** True when something is wrong: a change must not run until it is fixed. */
	public boolean damaged() {
		return !this.damages.isEmpty();
	}

	/** One line naming everything found, for a refusal. */
	public String summary() {
		return String.join("; ", this.damages.stream().map(Damage::what).toList());
	}

}
