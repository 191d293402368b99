package dev.migsh.core.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One section of a migration (up, down or verify): its SQL text as written (line endings
 * normalised, placeholders not replaced: this is what the checksum covers and the history
 * keeps), whether it runs in one transaction, its statements ready to run and the SHA-256
 * of the text. {@code noTransactionReason} says why migsh chose to run it outside a
 * transaction when the file did not ask for it.
 */
public record Section(SectionKind kind, Path file, String sql, boolean transactional, List<SqlStatement> statements,
		String checksum, Optional<String> noTransactionReason) {

	/** Why a section of one such statement runs outside a transaction. */
	public static final String SINGLE_NON_TRANSACTIONAL = "single statement that cannot run in a transaction";

	public Section {
		statements = List.copyOf(statements);
	}

	public Section(SectionKind kind, Path file, String sql, boolean transactional, List<SqlStatement> statements,
			String checksum) {
		this(kind, file, sql, transactional, statements, checksum, Optional.empty());
	}

	/**
	 * True when the section holds no statement (an empty file, blanks or comments only):
	 * it runs as a recorded no-op.
	 */
	public boolean isEmpty() {
		return this.statements.isEmpty();
	}

}
