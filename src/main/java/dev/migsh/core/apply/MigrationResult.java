package dev.migsh.core.apply;

import java.time.Duration;

import dev.migsh.core.plan.RollbackInstructions;

/**
 * One migration applied: how long it took, how many statements ran, and how to roll it
 * back.
 */
public record MigrationResult(String id, Duration duration, int statements, RollbackInstructions rollback) {
}
