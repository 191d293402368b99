package dev.migsh.core.apply;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import dev.migsh.core.schema.DatabaseConnector;

/**
 * What {@code baseline} is asked to do.
 *
 * @param dryRun build and prove the baseline, write and record nothing
 * @param output write the SQL to this file instead of the migrations folder, record
 * nothing
 * @param force record the baseline even though the history already has applied migrations
 * @param connector how to reach the scratch database on the live server
 * @param clock the time for the file's version, when the folder uses timestamps
 */
public record BaselineRequest(boolean dryRun, Optional<Path> output, boolean force, DatabaseConnector connector,
		Clock clock) {

	public BaselineRequest {
		Objects.requireNonNull(output, "output");
		Objects.requireNonNull(connector, "connector");
		Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Whether the baseline is recorded in the history (not a dry run, not written
	 * elsewhere).
	 */
	public boolean records() {
		return !this.dryRun && this.output.isEmpty();
	}

}
