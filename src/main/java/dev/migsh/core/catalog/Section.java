package dev.migsh.core.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * One section of a migration (up, down or verify): its SQL text with line endings
 * normalised, whether it runs in one transaction, its statements and the SHA-256 of the
 * normalised text.
 */
public record Section(SectionKind kind, Path file, String sql, boolean transactional, List<SqlStatement> statements,
		String checksum) {

	public Section {
		statements = List.copyOf(statements);
	}

	/** True when the section holds no statement (comments and blanks only). */
	public boolean isEmpty() {
		return this.statements.isEmpty();
	}

}
