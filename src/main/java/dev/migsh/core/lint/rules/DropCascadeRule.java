package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Set;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class DropCascadeRule extends StatementRule {

	private static final Set<String> KINDS = Set.of("type", "domain", "function", "procedure", "routine", "extension",
			"view", "materialized view", "sequence");

	DropCascadeRule() {
		super("DL-08", Severity.ERROR, "DROP TYPE/DOMAIN/FUNCTION/EXTENSION/VIEW ... CASCADE",
				"CASCADE silently drops whatever depends on the object: on a type or domain that includes the "
						+ "table columns using it, with their data.",
				"Drop with RESTRICT (the default) and drop the dependants explicitly, one by one, after reviewing "
						+ "them (pg_depend, or the error RESTRICT gives).");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return DropStatement.parse(ctx.tokens())
			.filter(drop -> drop.cascade() && KINDS.contains(drop.kind()))
			.map(drop -> List.of("DROP " + drop.kind().toUpperCase(java.util.Locale.ROOT) + " " + drop.namesText()
					+ " CASCADE also drops every object that depends on it, table columns included"))
			.orElse(List.of());
	}

}
