package dev.migsh.core.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migsh.core.catalog.SqlToken.Type;

/**
 * The statements PostgreSQL refuses inside a transaction block (SQLSTATE 25001): the
 * concurrent index commands, VACUUM, database, tablespace and system commands. Read from
 * the tokens only; nothing is sent to the server.
 */
public final class NoTransaction {

	private NoTransaction() {
	}

	/**
	 * What the statement is ({@code CREATE INDEX CONCURRENTLY}) when it cannot run in a
	 * transaction; empty otherwise.
	 */
	public static Optional<String> statementKind(String sql) {
		List<String> w = SqlLexer.tokenize(sql)
			.stream()
			.filter(t -> t.type() != Type.COMMENT)
			.map(t -> t.type() == Type.WORD ? t.text().toLowerCase(Locale.ROOT) : t.text())
			.toList();
		if (w.isEmpty()) {
			return Optional.empty();
		}
		if (starts(w, "create", "index", "concurrently") || starts(w, "create", "unique", "index", "concurrently")) {
			return Optional.of("CREATE INDEX CONCURRENTLY");
		}
		if (starts(w, "drop", "index", "concurrently")) {
			return Optional.of("DROP INDEX CONCURRENTLY");
		}
		if (w.get(0).equals("reindex")) {
			int i = w.size() > 1 && w.get(1).equals("(") ? w.indexOf(")") + 1 : 1;
			boolean wide = i > 0 && i < w.size() && List.of("schema", "database", "system").contains(w.get(i));
			if (w.contains("concurrently") || wide) {
				return Optional.of(wide ? "REINDEX " + w.get(i).toUpperCase(Locale.ROOT) : "REINDEX CONCURRENTLY");
			}
		}
		if (w.get(0).equals("vacuum")) {
			return Optional.of("VACUUM");
		}
		for (List<String> pair : List.of(List.of("create", "database"), List.of("drop", "database"),
				List.of("create", "tablespace"), List.of("drop", "tablespace"), List.of("alter", "system"),
				List.of("create", "subscription"))) {
			if (starts(w, pair.toArray(String[]::new))) {
				return Optional.of(String.join(" ", pair).toUpperCase(Locale.ROOT));
			}
		}
		if (starts(w, "alter", "database") && w.contains("set") && w.contains("tablespace")) {
			return Optional.of("ALTER DATABASE ... SET TABLESPACE");
		}
		if (starts(w, "alter", "table") && containsInOrder(w, "detach", "partition") && w.contains("concurrently")) {
			return Optional.of("DETACH PARTITION ... CONCURRENTLY");
		}
		return Optional.empty();
	}

	private static boolean starts(List<String> words, String... prefix) {
		if (words.size() < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (!words.get(i).equals(prefix[i])) {
				return false;
			}
		}
		return true;
	}

	private static boolean containsInOrder(List<String> words, String first, String second) {
		int i = words.indexOf(first);
		return i >= 0 && i + 1 < words.size() && words.get(i + 1).equals(second);
	}

}
