package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.CreateIndex;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.TableName;
import dev.migsh.core.lint.Tokens;

final class BackfillWithDdlRule extends StatementRule {

	BackfillWithDdlRule() {
		super("LK-20", Severity.WARNING, "Backfill in the same transaction as DDL on the same table",
				"The DDL's lock (ACCESS EXCLUSIVE for ALTER TABLE, SHARE for CREATE INDEX) is held until the "
						+ "transaction ends, so it covers the whole UPDATE of every row.",
				"Move the UPDATE into its own non-transactional data migration, batched by key range and throttled; "
						+ "keep the DDL migration short.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (!ctx.transactional() || !t.startsWith("update")) {
			return List.of();
		}
		Optional<TableName> table = t.nameAt(t.skip(1, "only"));
		if (table.isEmpty() || !ctx.existing(table.get())) {
			return List.of();
		}
		boolean ddl = ctx.others().stream().anyMatch(other -> ddlOn(other, table.get()));
		return ddl ? List
			.of("UPDATE of " + table.get() + " runs in the same transaction as DDL on it, under the " + "DDL's lock")
				: List.of();
	}

	private static boolean ddlOn(Tokens statement, TableName table) {
		return AlterTable.parse(statement).filter(alter -> alter.table().sameAs(table)).isPresent()
				|| CreateIndex.parse(statement)
					.filter(index -> !index.concurrently() && index.table().sameAs(table))
					.isPresent();
	}

}
