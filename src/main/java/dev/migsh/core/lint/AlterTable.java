package dev.migsh.core.lint;

import java.util.List;
import java.util.Optional;

/**
 * An {@code ALTER TABLE} statement cut into its target and its comma-separated actions.
 */
public record AlterTable(TableName table, List<AlterAction> actions) {

	public AlterTable {
		actions = List.copyOf(actions);
	}

	public static Optional<AlterTable> parse(Tokens tokens) {
		if (!tokens.startsWith("alter", "table")) {
			return Optional.empty();
		}
		int i = tokens.skip(2, "if", "exists");
		i = tokens.skip(i, "only");
		Optional<TableName> table = tokens.nameAt(i);
		if (table.isEmpty()) {
			return Optional.empty();
		}
		i = tokens.skip(tokens.nameEnd(i), "*");
		List<AlterAction> actions = tokens.from(i)
			.splitTopLevel()
			.stream()
			.filter(t -> !t.isEmpty())
			.map(AlterAction::new)
			.toList();
		return Optional.of(new AlterTable(table.get(), actions));
	}

}
