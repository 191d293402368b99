package dev.migsh.core.history;

import java.util.Locale;

/** How an audited action ended. */
public enum AuditOutcome {

	OK, FAILED, CANCELLED;

	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static AuditOutcome of(String word) {
		return valueOf(word.toUpperCase(Locale.ROOT));
	}

}
