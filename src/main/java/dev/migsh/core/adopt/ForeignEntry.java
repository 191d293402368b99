package dev.migsh.core.adopt;

import java.time.Instant;
import java.util.Optional;

/**
 * One migration as another tool recorded it, normalised: {@code version} is empty when
 * the tool keeps none (Sequelize names, Flyway repeatables), {@code name} is the file
 * stem or the tool's own name for it, {@code checksum} is as the tool stores it (empty if
 * none), {@code rawId} is what identifies the row in the tool's table.
 */
public record ForeignEntry(String version, String name, String description, Optional<Instant> appliedAt,
		ForeignState state, String checksum, String rawId) {

	public ForeignEntry {
		version = version == null ? "" : version;
		name = name == null ? "" : name;
		description = description == null ? "" : description;
		checksum = checksum == null ? "" : checksum;
		rawId = rawId == null ? "" : rawId;
	}

	/** The same entry in another state. */
	public ForeignEntry withState(ForeignState newState) {
		return new ForeignEntry(this.version, this.name, this.description, this.appliedAt, newState, this.checksum,
				this.rawId);
	}

}
