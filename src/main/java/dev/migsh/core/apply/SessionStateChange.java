package dev.migsh.core.apply;

import java.util.List;

import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SqlLexer;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.catalog.SqlToken;

/**
 * Whether a section may leave session state behind (a setting, the role, the session
 * authorization) that must not leak into the history writes or the next migration, read
 * from its tokens: {@code SET} (not {@code SET LOCAL} of a setting, {@code SET
 * TRANSACTION}, {@code SET CONSTRAINTS}), {@code RESET}, {@code DISCARD}, a {@code DO}
 * block or {@code CALL} (whose bodies may run anything) and any {@code set_config} call.
 * A function the migration calls that sets a setting itself is not seen.
 */
final class SessionStateChange {

	private SessionStateChange() {
	}

	static boolean in(Section section) {
		for (SqlStatement statement : section.statements()) {
			if (in(statement.sql())) {
				return true;
			}
		}
		return false;
	}

	static boolean in(String sql) {
		List<SqlToken> tokens = SqlLexer.tokenize(sql).stream().filter(t -> t.type() != SqlToken.Type.COMMENT).toList();
		if (tokens.isEmpty()) {
			return false;
		}
		for (SqlToken token : tokens) {
			if (token.isWord("set_config")
					|| (token.type() == SqlToken.Type.QUOTED_IDENTIFIER && token.text().equals("\"set_config\""))) {
				return true;
			}
		}
		SqlToken first = tokens.get(0);
		if (first.isWord("reset") || first.isWord("discard") || first.isWord("do") || first.isWord("call")
				|| first.isWord("load")) {
			return true;
		}
		if (!first.isWord("set")) {
			return false;
		}
		SqlToken second = tokens.size() > 1 ? tokens.get(1) : null;
		if (second == null) {
			return true;
		}
		if (second.isWord("transaction") || second.isWord("constraints")) {
			return false;
		}
		if (second.isWord("local")) {
			// lasts until the commit, but the role would still be in force for the
			// history
			// write of the same transaction
			SqlToken third = tokens.size() > 2 ? tokens.get(2) : null;
			return third == null || third.isWord("role") || third.isWord("session");
		}
		return true;
	}

}
