package dev.migsh.shell;

import java.util.List;

import dev.migsh.core.plan.MigrationStatus;

/**
 * Migration ids by state, for TAB (pending for apply, applied for undo) and the prompt's
 * pending count. Never throws: a broken folder or a lost connection shows as "unknown".
 */
public final class MigrationIds {

	private MigrationIds() {
	}

	public static List<String> of(ShellSession session, Completion kind) {
		var migrator = session.migrator(Prompter.NONE);
		return switch (kind) {
			case PENDING_MIGRATIONS -> migrator.pendingIds();
			case APPLIED_MIGRATIONS -> migrator.appliedIds();
			default -> migrator.status().rows().stream().map(MigrationStatus::id).toList();
		};
	}

	public static int pendingCount(ShellSession session) {
		if (!session.connected()) {
			return -1;
		}
		try {
			return session.migrator(Prompter.NONE).pendingIds().size();
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

}
