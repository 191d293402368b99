package dev.migsh.core.apply;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@code repair} may do: accept the file's checksum and SQL for changed migrations,
 * delete failed rows; optionally only for one migration.
 */
public record RepairRequest(Optional<String> id, boolean acceptChanged, boolean clearFailed,
		Optional<Duration> lockWait) {

	public static RepairRequest all() {
		return new RepairRequest(Optional.empty(), true, true, Optional.empty());
	}

	public static RepairRequest only(String id) {
		return new RepairRequest(Optional.of(id), true, true, Optional.empty());
	}

	public RepairRequest withLockWait(Duration wait) {
		return new RepairRequest(this.id, this.acceptChanged, this.clearFailed, Optional.of(wait));
	}

}
