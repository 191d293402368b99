package dev.migsh.core.lint;

import java.util.Optional;

/**
 * A
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table ...}.
 */
public record CreateIndex(boolean unique, boolean concurrently, boolean ifNotExists, Optional<String> name,
		TableName table) {

	public static Optional<CreateIndex> parse(Tokens tokens) {
		if (!tokens.startsWith("create")) {
			return Optional.empty();
		}
		int i = 1;
		boolean unique = tokens.at(i, "unique");
		i = tokens.skip(i, "unique");
		if (!tokens.at(i, "index")) {
			return Optional.empty();
		}
		i++;
		boolean concurrently = tokens.at(i, "concurrently");
		i = tokens.skip(i, "concurrently");
		boolean ifNotExists = tokens.at(i, "if", "not", "exists");
		i = tokens.skip(i, "if", "not", "exists");
		Optional<String> name = tokens.at(i, "on") ? Optional.empty() : tokens.nameAt(i).map(TableName::name);
		if (name.isPresent()) {
			i = tokens.nameEnd(i);
		}
		if (!tokens.at(i, "on")) {
			return Optional.empty();
		}
		i = tokens.skip(i + 1, "only");
		return tokens.nameAt(i).map(table -> new CreateIndex(unique, concurrently, ifNotExists, name, table));
	}

}
