package dev.migsh.core.apply;

import java.time.Duration;
import java.util.List;

import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.SectionKind;
import dev.migsh.core.catalog.SqlStatement;

/**
 * Progress of apply and undo for the shell to render; every method has a no-op default.
 * Called on the thread running the command.
 */
public interface ApplyListener {

	ApplyListener NONE = new ApplyListener() {
	};

	/**
	 * About every 200 ms while another session holds the lock; {@code holder} may be
	 * null.
	 */
	default void lockWaiting(LockHolder holder, Duration waited, Duration limit) {
	}

	/**
	 * Migration {@code index} of {@code total} (1-based) is about to run (its up or down
	 * section).
	 */
	default void migrationStarted(MigrationFile migration, int index, int total) {
	}

	default void statementStarted(MigrationFile migration, SectionKind section, int index, int total,
			SqlStatement statement) {
	}

	/**
	 * Attempt {@code attempt} of {@code migration} failed on lock_timeout, blocked by
	 * {@code blockers} (may be empty); attempt {@code attempt + 1} of at most
	 * {@code attempts} follows after {@code pause}.
	 */
	default void lockRetry(MigrationFile migration, int attempt, int attempts, List<Blocker> blockers, Duration pause) {
	}

	default void migrationFinished(MigrationResult result) {
	}

	default void migrationUndone(UndoneMigration result) {
	}

}
