package dev.migsh.core.apply;

import java.time.Duration;

/** One migration rolled back by its down section. */
public record UndoneMigration(String id, Duration duration, int statements) {
}
