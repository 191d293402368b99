package dev.migsh.core.plan;

import java.util.Optional;

import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.history.AppliedMigration;

/**
 * One line of {@code status}: a migration's id, version and name, its state, the file and
 * history row behind it, and a one-line detail (the error of a failed one, why it is
 * changed).
 */
public record MigrationStatus(String id, String version, String name, MigrationState state,
		Optional<MigrationFile> file, Optional<AppliedMigration> applied, String detail) {

	public boolean isPending() {
		return this.state == MigrationState.PENDING || this.state == MigrationState.OUT_OF_ORDER
				|| this.state == MigrationState.OUTDATED;
	}

	/**
	 * True for a Flyway repeatable migration ({@code R__name}), by its file or, when the
	 * file is gone, by its history row.
	 */
	public boolean isRepeatable() {
		return this.file.map(MigrationFile::isRepeatable)
			.orElseGet(() -> this.applied.map(AppliedMigration::isRepeatable).orElse(false));
	}

}
