package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.lint.CreateIndex;
import dev.migsh.core.lint.Tokens;
import dev.migsh.core.schema.InvalidIndex;
import dev.migsh.core.schema.InvalidIndexes;

/**
 * The INVALID index a failed or cancelled {@code CREATE INDEX CONCURRENTLY} left behind:
 * the one of its name on its table, or (unnamed) every INVALID index on that table.
 */
final class LeftIndexes {

	private LeftIndexes() {
	}

	/** Empty unless {@code statement} is a CREATE INDEX CONCURRENTLY that left one. */
	static List<InvalidIndex> by(Connection connection, SqlStatement statement) {
		Optional<CreateIndex> create = CreateIndex.parse(Tokens.lex(statement.sent()));
		if (create.isEmpty() || !create.get().concurrently()) {
			return List.of();
		}
		CreateIndex index = create.get();
		try {
			if (!connection.getAutoCommit()) {
				return List.of();
			}
			return InvalidIndexes.on(connection, index.table().schema(), index.table().name(),
					index.name().orElse(null));
		}
		catch (SQLException ex) {
			// diagnostics only: the failure itself is what the user must see
			return List.of();
		}
	}

	/**
	 * {@code It left INVALID index app.i behind: run DROP INDEX CONCURRENTLY IF EXISTS
	 * app.i; before ...}, or empty.
	 */
	static String advice(List<InvalidIndex> left) {
		if (left.isEmpty()) {
			return "";
		}
		return "It left " + String.join(", ", left.stream().map(InvalidIndex::describe).toList())
				+ " behind (unused by queries, still slowing writes): drop it with `"
				+ String.join(" ", left.stream().map(InvalidIndex::dropStatement).toList())
				+ "` before the statement runs again. ";
	}

}
