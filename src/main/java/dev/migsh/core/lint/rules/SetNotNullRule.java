package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.AlterAction;
import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.TableName;
import dev.migsh.core.lint.Tokens;

final class SetNotNullRule extends StatementRule {

	SetNotNullRule() {
		super("LK-06", Severity.WARNING, "SET NOT NULL on an existing column",
				"Adding NOT NULL scans the whole table under ACCESS EXCLUSIVE (reads and writes wait), fails if a "
						+ "NULL is left, and old code may still write NULLs.",
				"Add CHECK (c IS NOT NULL) NOT VALID, backfill, VALIDATE CONSTRAINT in a later transaction, then "
						+ "(PostgreSQL 12+) SET NOT NULL, which no longer scans; on 18+ use a NOT NULL constraint "
						+ "NOT VALID and validate it later.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx, (alter, action) -> {
			Optional<String> column = notNullColumn(action);
			if (column.isEmpty()) {
				return Optional.empty();
			}
			if (ctx.atLeast(120000) && provenByValidCheck(ctx, alter.table(), column.get())) {
				return Optional.empty();
			}
			return Optional.of("making " + alter.table() + "." + column.get()
					+ " NOT NULL scans the whole table under ACCESS EXCLUSIVE");
		});
	}

	/**
	 * The column of {@code ALTER COLUMN c SET NOT NULL} or of a validated
	 * {@code ADD CONSTRAINT n NOT NULL c}.
	 */
	private static Optional<String> notNullColumn(AlterAction action) {
		if (action.alters("set", "not", "null")) {
			return action.alteredColumn();
		}
		Tokens body = action.constraintBody();
		if (action.addsConstraint() && body.startsWith("not", "null") && !action.notValid()) {
			return Optional.of(body.identifier(2));
		}
		return Optional.empty();
	}

	/**
	 * A CHECK (c IS NOT NULL) added valid, or validated, earlier in the section lets 12+
	 * skip the scan.
	 */
	private static boolean provenByValidCheck(StatementContext ctx, TableName table, String column) {
		for (int i = 0; i < ctx.earlier().size(); i++) {
			Optional<AlterTable> alter = AlterTable.parse(ctx.earlier().get(i));
			if (alter.isEmpty() || !alter.get().table().sameAs(table)) {
				continue;
			}
			for (AlterAction action : alter.get().actions()) {
				Tokens body = action.constraintBody();
				if (!action.addsConstraint() || !body.startsWith("check")
						|| body.find(0, column, "is", "not", "null") < 0) {
					continue;
				}
				if (!action.notValid()) {
					return true;
				}
				Optional<String> name = action.constraintName();
				if (name.isPresent() && validatedLater(ctx, i, table, name.get())) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean validatedLater(StatementContext ctx, int from, TableName table, String constraint) {
		return ctx.earlier()
			.subList(from + 1, ctx.earlier().size())
			.stream()
			.flatMap(t -> AlterTable.parse(t).stream())
			.filter(alter -> alter.table().sameAs(table))
			.flatMap(alter -> alter.actions().stream())
			.anyMatch(action -> action.startsWith("validate", "constraint")
					&& action.tokens().identifier(2).equals(constraint));
	}

	@Override
	String safeAlternative(StatementContext ctx) {
		String table = ctx.alterTable().map(a -> a.table().toString()).orElse("t");
		String column = ctx.alterTable()
			.flatMap(a -> a.actions().stream().map(SetNotNullRule::notNullColumn).flatMap(Optional::stream).findFirst())
			.orElse("c");
		String check = table.replace('.', '_') + "_" + column + "_not_null";
		if (ctx.atLeast(180000)) {
			return "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " NOT NULL " + column + " NOT VALID; then, "
					+ "in a later transaction after backfilling: ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check
					+ " (SHARE UPDATE EXCLUSIVE, reads and writes continue).";
		}
		String first = "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + column
				+ " IS NOT NULL) NOT VALID; backfill; in a later transaction: ALTER TABLE " + table
				+ " VALIDATE CONSTRAINT " + check + ";";
		if (ctx.atLeast(120000)) {
			return first + " then ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL (no scan: "
					+ "the valid check proves it) and ALTER TABLE " + table + " DROP CONSTRAINT " + check + ".";
		}
		return first + " and keep the check as the NOT NULL guarantee: before PostgreSQL 12 (server is "
				+ ctx.lint().majorVersion() + ") SET NOT NULL scans even with the check.";
	}

}
