package dev.migsh.core.apply;

import java.util.Locale;
import java.util.Set;

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

	/** The functions that let go of advisory locks, as a word or a quoted name. */
	private static final Set<String> UNLOCKS = Set.of("pg_advisory_unlock", "pg_advisory_unlock_all",
			"\"pg_advisory_unlock\"", "\"pg_advisory_unlock_all\"");

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
				if (UNLOCKS.contains(token.type() == SqlToken.Type.QUOTED_IDENTIFIER ? token.text()
						: token.text().toLowerCase(Locale.ROOT))) {
					return true;
				}
			}
		}
		return false;
	}

}
