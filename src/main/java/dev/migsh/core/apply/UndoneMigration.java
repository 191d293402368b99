package dev.migsh.core.apply;

import java.time.Duration;
import java.util.List;

/**
 * One migration rolled back by its down section, with the data its drops left in the
 * trash.
 */
public record UndoneMigration(String id, Duration duration, int statements, List<TrashEntry> trashed) {

	public UndoneMigration {
		trashed = List.copyOf(trashed);
	}

}
