package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.TableName;
import dev.migsh.core.lint.Tokens;

final class TruncateRule extends StatementRule {

	TruncateRule() {
		super("DL-05", Severity.ERROR, "TRUNCATE",
				"Empties the table under ACCESS EXCLUSIVE; with CASCADE it also empties every table that references "
						+ "it by foreign key, recursively. It is not MVCC-safe: concurrent readers may see it empty.",
				"Name every table explicitly, never CASCADE; if others read the table meanwhile, DELETE in batches "
						+ "by key range instead.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (!t.startsWith("truncate")) {
			return List.of();
		}
		int i = t.skip(1, "table");
		i = t.skip(i, "only");
		List<TableName> tables = t.from(i)
			.splitTopLevel()
			.stream()
			.flatMap(part -> part.nameAt(0).stream())
			.filter(table -> !ctx.createdEarlier(table))
			.toList();
		if (tables.isEmpty()) {
			return List.of();
		}
		String names = String.join(", ", tables.stream().map(TableName::toString).toList());
		return List.of("TRUNCATE " + names + " deletes every row"
				+ (t.containsTopLevel("cascade") ? ", and CASCADE empties every table that references it" : ""));
	}

}
