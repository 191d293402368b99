package dev.migsh.core.history;

import java.util.Locale;

/** The changing actions the audit trail records. */
public enum AuditAction {

	APPLY, UNDO, MARK_APPLIED, MARK_PENDING, REPAIR, BASELINE, RESET, TRASH_PURGE, OVERRIDE, ADOPT,
	/**
	 * {@code repair --from-audit}: a history row (or a table) rebuilt from the audit
	 * trail.
	 */
	REPAIR_FROM_AUDIT;

	/** The command word: {@code mark-applied}. */
	public String word() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static AuditAction of(String word) {
		return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
