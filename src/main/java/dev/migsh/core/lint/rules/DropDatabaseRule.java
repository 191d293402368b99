package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class DropDatabaseRule extends StatementRule {

	DropDatabaseRule() {
		super("DL-04", Severity.ERROR, "DROP DATABASE",
				"Everything in the database is lost; it also cannot run inside a transaction.",
				"Never drop a database from a migration; do it by hand, after a backup, outside migsh.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return DropStatement.parse(ctx.tokens())
			.filter(drop -> drop.kind().equals("database"))
			.map(drop -> List.of("DROP DATABASE " + drop.namesText() + " destroys the whole database"))
			.orElse(List.of());
	}

}
