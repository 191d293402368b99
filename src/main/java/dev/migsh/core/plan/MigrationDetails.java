package dev.migsh.core.plan;

import java.util.Optional;

/**
 * What {@code show ID} prints: the migration's status (with its file and history row,
 * whose sections the shell lists), its rollback instructions, and for a changed migration
 * the unified diff from the SQL that ran to the file now.
 */
public record MigrationDetails(MigrationStatus status, Optional<RollbackInstructions> rollback, Optional<String> diff) {

	public static MigrationDetails of(MigrationStatus status) {
		Optional<String> diff = Optional.empty();
		if (status.state() == MigrationState.CHANGED) {
			var applied = status.applied().get();
			String ran = applied.accepted().map(accepted -> accepted.upSql()).orElse(applied.upSql());
			String now = status.file().get().up().sql();
			diff = Optional.of(LineDiff.unified(ran, now, status.id() + " (applied)", status.id() + " (file)"));
		}
		return new MigrationDetails(status, status.file().map(RollbackInstructions::of), diff);
	}

}
