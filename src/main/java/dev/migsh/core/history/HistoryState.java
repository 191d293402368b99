package dev.migsh.core.history;

import java.util.Locale;

/** The state a history row records; stored as its lower-case word. */
public enum HistoryState {

	APPLIED, FAILED, MARKED, BASELINE,
	/**
	 * Imported from another tool's history by adopt: applied, never run by migsh. Needs
	 * layout 2 ({@link HistoryTable#allowAdopted}).
	 */
	ADOPTED;

	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static HistoryState of(String word) {
		return valueOf(word.toUpperCase(Locale.ROOT));
	}

}
