package dev.migsh.core.history;

import java.util.Locale;

import dev.migsh.core.UsageException;

/**
 * The schema the history lives in ({@code --schema}, {@code MIGSH_SCHEMA}) must be one
 * migsh may own: not empty, not a system schema, not the trash (whose purge drops it).
 * Checked before anything connects or runs.
 */
public final class HistorySchemaName {

	/** The schema undo keeps dropped data in; {@code trash purge} drops it whole. */
	static final String TRASH = "migsh_trash";

	private HistorySchemaName() {
	}

	/**
	 * {@code name} when migsh may keep its history there; otherwise a usage error (exit
	 * code 2) saying why.
	 */
	public static String check(String name) {
		String hint = "Name a schema of its own for the history, e.g. --schema migsh (the default).";
		if (name == null || name.isBlank()) {
			throw new UsageException("The history schema name is empty", hint);
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.equals("information_schema") || lower.startsWith("pg_")) {
			throw new UsageException(
					"The history schema cannot be " + name + ": it is a system schema (pg_* and information_schema)",
					hint);
		}
		if (lower.equals(TRASH)) {
			throw new UsageException("The history schema cannot be " + TRASH
					+ ": it holds the data undo keeps, and `trash purge` drops it whole", hint);
		}
		if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
			throw new UsageException("The history schema name is longer than PostgreSQL's 63 bytes", hint);
		}
		return name;
	}

}
