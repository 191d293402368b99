package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.TableName;
import dev.migsh.core.lint.Tokens;

/** {@code DROP <kind> [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
record DropStatement(String kind, List<TableName> names, boolean concurrently, boolean ifExists, boolean cascade) {

	private static final List<String[]> KINDS = List.of(new String[] { "materialized", "view" },
			new String[] { "foreign", "table" }, new String[] { "table" }, new String[] { "index" },
			new String[] { "schema" }, new String[] { "database" }, new String[] { "type" }, new String[] { "domain" },
			new String[] { "function" }, new String[] { "procedure" }, new String[] { "routine" },
			new String[] { "extension" }, new String[] { "view" }, new String[] { "sequence" }, new String[] { "role" },
			new String[] { "user" }, new String[] { "group" }, new String[] { "owned" }, new String[] { "tablespace" },
			new String[] { "trigger" }, new String[] { "subscription" });

	static Optional<DropStatement> parse(Tokens tokens) {
		if (!tokens.startsWith("drop")) {
			return Optional.empty();
		}
		for (String[] kind : KINDS) {
			String[] pattern = new String[kind.length + 1];
			pattern[0] = "drop";
			System.arraycopy(kind, 0, pattern, 1, kind.length);
			if (tokens.startsWith(pattern)) {
				int i = pattern.length;
				boolean concurrently = tokens.at(i, "concurrently");
				i = tokens.skip(i, "concurrently");
				boolean ifExists = tokens.at(i, "if", "exists");
				i = tokens.skip(i, "if", "exists");
				List<TableName> names = new ArrayList<>();
				for (Tokens part : tokens.from(i).splitTopLevel()) {
					part.nameAt(0).ifPresent(names::add);
				}
				boolean cascade = tokens.containsTopLevel("cascade");
				return Optional.of(new DropStatement(String.join(" ", kind), names, concurrently, ifExists, cascade));
			}
		}
		return Optional.empty();
	}

	String namesText() {
		return String.join(", ", this.names.stream().map(TableName::toString).toList());
	}

}
