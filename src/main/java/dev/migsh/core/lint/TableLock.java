package dev.migsh.core.lint;

/** The lock one statement takes on one table. */
public record TableLock(TableName table, LockMode mode) {
}
