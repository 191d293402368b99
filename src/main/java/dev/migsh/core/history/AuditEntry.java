package dev.migsh.core.history;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the append-only audit trail: what was done to which migration, how it
 * ended, by whom (database user and OS user@host) and when.
 */
public record AuditEntry(long seq, Instant at, AuditAction action, Optional<String> migrationId, AuditOutcome outcome,
		String dbUser, String operator, String detail) {
}
