package dev.migsh.shell;

/** What a positional argument or option value completes to. */
public enum Completion {

	NONE, PENDING_MIGRATIONS, APPLIED_MIGRATIONS, ALL_MIGRATIONS, TABLES, FILES, ENVIRONMENTS, COMMANDS, TARGETS

}
