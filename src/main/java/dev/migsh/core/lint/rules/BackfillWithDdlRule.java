package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.CreateIndex;
import dev.migsh.core.lint.SectionStatements;
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
		Map<String, List<DdlOn>> ddlByName = ctx.statements().memo(BackfillWithDdlRule.class, BackfillWithDdlRule::ddl);
		boolean ddl = ddlByName.getOrDefault(table.get().name(), List.of())
			.stream()
			.anyMatch(other -> other.index() != ctx.index() && other.table().sameAs(table.get()));
		return ddl ? List
			.of("UPDATE of " + table.get() + " runs in the same transaction as DDL on it, under the " + "DDL's lock")
				: List.of();
	}

	/**
	 * The statements of the section that alter a table or index it without CONCURRENTLY,
	 * by table name.
	 */
	private static Map<String, List<DdlOn>> ddl(SectionStatements statements) {
		Map<String, List<DdlOn>> byName = new HashMap<>();
		for (int i = 0; i < statements.size(); i++) {
			Tokens statement = statements.get(i);
			Optional<TableName> table = AlterTable.parse(statement)
				.map(AlterTable::table)
				.or(() -> CreateIndex.parse(statement).filter(index -> !index.concurrently()).map(CreateIndex::table));
			int index = i;
			table.ifPresent(t -> byName.computeIfAbsent(t.name(), name -> new ArrayList<>()).add(new DdlOn(index, t)));
		}
		return byName;
	}

	private record DdlOn(int index, TableName table) {
	}

}
