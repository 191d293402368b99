package dev.migsh.core.apply;

import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SqlLexer;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.catalog.SqlToken;
import dev.migsh.core.catalog.MigrationFile;

/**
 * Whether a migration may let go of the session's advisory locks, read from its tokens: a
 * call of {@code pg_advisory_unlock} or {@code pg_advisory_unlock_all}, {@code DISCARD},
 * or a {@code DO} block or {@code CALL} whose body may do either. A release hidden in a
 * function the migration calls is not seen here; the runner's once-a-second check and the
 * history write's own guard cover it.
 */
final class LockRelease {

	private LockRelease() {
	}

	static boolean mayReleaseIn(MigrationFile file) {
		return mayReleaseIn(file.up()) || file.verify().map(LockRelease::mayReleaseIn).orElse(false);
	}

	static boolean mayReleaseIn(Section section) {
		for (SqlStatement statement : section.statements()) {
			boolean first = true;
			for (SqlToken token : SqlLexer.tokenize(statement.sql())) {
				if (token.type() == SqlToken.Type.COMMENT) {
					continue;
				}
				if (first && (token.isWord("discard") || token.isWord("do") || token.isWord("call"))) {
					return true;
				}
				first = false;
				if (token.isWord("pg_advisory_unlock") || token.isWord("pg_advisory_unlock_all")
						|| token.text().equalsIgnoreCase("\"pg_advisory_unlock\"")
						|| token.text().equalsIgnoreCase("\"pg_advisory_unlock_all\"")) {
					return true;
				}
			}
		}
		return false;
	}

}
