package dev.migsh.core.catalog;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A migration as found on disk. Its identity is the file name without extension(s)
 * ({@code 031-add-profile-fields-to-users}); migrations order by version, then name.
 */
public record MigrationFile(String id, Version version, String name, Layout layout, List<Path> paths, Section up,
		Optional<Section> down, Optional<Section> verify) implements Comparable<MigrationFile> {

	public static final Comparator<MigrationFile> ORDER = Comparator.comparing(MigrationFile::version)
		.thenComparing(MigrationFile::name)
		.thenComparing(MigrationFile::id);

	public MigrationFile {
		paths = List.copyOf(paths);
	}

	/**
	 * True when the up section has no statement: applying it only records the version.
	 */
	public boolean isEmpty() {
		return this.up.isEmpty();
	}

	/**
	 * True for a Flyway repeatable migration ({@code R__name.sql}): no version, run after
	 * the versioned ones whenever its checksum differs from its last run, never undone.
	 */
	public boolean isRepeatable() {
		return this.version.isRepeatable();
	}

	/**
	 * True when the migration can be undone: it has a down section or file, even an empty
	 * one (undoing it only removes the history row).
	 */
	public boolean hasDown() {
		return this.down.isPresent();
	}

	@Override
	public int compareTo(MigrationFile other) {
		return ORDER.compare(this, other);
	}

}
