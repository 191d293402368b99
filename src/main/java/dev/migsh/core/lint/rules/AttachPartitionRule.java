package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.TableName;

final class AttachPartitionRule extends StatementRule {

	AttachPartitionRule() {
		super("LK-14", Severity.WARNING, "ATTACH PARTITION without a matching CHECK",
				"Attaching scans the new partition (and the default partition) to prove every row fits the bound, "
						+ "holding ACCESS EXCLUSIVE on them, unless a valid CHECK constraint already proves it.",
				"First ALTER TABLE c ADD CONSTRAINT c_bound CHECK (<the partition bound>) NOT VALID and VALIDATE it; "
						+ "then ATTACH PARTITION skips the scan; drop the check afterwards.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx, (alter, action) -> {
			if (!action.startsWith("attach", "partition")) {
				return Optional.empty();
			}
			Optional<TableName> child = action.tokens().nameAt(2);
			if (child.isEmpty() || !ctx.existing(child.get()) || checkAddedEarlier(ctx, child.get())) {
				return Optional.empty();
			}
			return Optional.of("attaching " + child.get() + " to " + alter.table()
					+ " scans it under ACCESS EXCLUSIVE unless a valid CHECK matches the bound");
		});
	}

	private static boolean checkAddedEarlier(StatementContext ctx, TableName child) {
		return ctx.earlier()
			.stream()
			.flatMap(t -> AlterTable.parse(t).stream())
			.filter(alter -> alter.table().sameAs(child))
			.flatMap(alter -> alter.actions().stream())
			.anyMatch(action -> action.addsConstraint() && action.constraintBody().startsWith("check"));
	}

}
