package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import dev.migsh.core.lint.AlterAction;
import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.TableName;
import dev.migsh.core.lint.Tokens;

final class UnboundedDmlRule extends StatementRule {

	UnboundedDmlRule() {
		super("DL-06", Severity.ERROR, "DELETE or UPDATE without WHERE",
				"Changes every row of the table: row locks on all of it, a burst of WAL and bloat, and no way back "
						+ "once committed.",
				"Write the WHERE clause you mean; for a deliberate whole-table backfill, run it as a separate "
						+ "non-transactional data migration in batches by key range (UPDATE t SET ... WHERE id "
						+ "BETWEEN :lo AND :hi), with a pause between batches.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return Dml.parse(ctx.tokens())
			.filter(dml -> !dml.bounded())
			.filter(dml -> !ctx.createdEarlier(dml.table()))
			.filter(dml -> !setsOnlyNewColumns(ctx, dml))
			.map(dml -> List.of(dml.verb().toUpperCase(java.util.Locale.ROOT) + " on " + dml.table()
					+ (dml.where() ? " has a WHERE clause that is always true: it " + dml.verb() + "s every row"
							: " has no WHERE clause: it " + dml.verb() + "s every row")))
			.orElse(List.of());
	}

	/**
	 * True for an UPDATE that sets only columns an earlier statement of the section
	 * added: they hold nothing yet (NULL or their default), so nothing is lost.
	 */
	private static boolean setsOnlyNewColumns(StatementContext ctx, Dml dml) {
		if (!dml.verb().equals("update") || dml.setColumns().isEmpty()) {
			return false;
		}
		Set<String> added = new HashSet<>();
		for (Tokens earlier : ctx.earlier()) {
			AlterTable.parse(earlier).filter(alter -> alter.table().sameAs(dml.table())).ifPresent(alter -> {
				for (AlterAction action : alter.actions()) {
					action.addedColumn().ifPresent(column -> added.add(column.name()));
				}
			});
		}
		return added.containsAll(dml.setColumns());
	}

	/** The main DELETE or UPDATE of a statement, past any WITH clause. */
	record Dml(String verb, TableName table, boolean bounded, boolean where, List<String> setColumns) {

		static Optional<Dml> parse(Tokens t) {
			int start = 0;
			if (t.startsWith("with")) {
				int delete = t.findTopLevel(1, "delete");
				int update = t.findTopLevel(1, "update");
				start = (delete < 0) ? update : (update < 0) ? delete : Math.min(delete, update);
				if (start < 0) {
					return Optional.empty();
				}
			}
			int i;
			String verb;
			if (t.at(start, "delete", "from")) {
				verb = "delete";
				i = start + 2;
			}
			else if (t.at(start, "update")) {
				verb = "update";
				i = start + 1;
			}
			else {
				return Optional.empty();
			}
			i = t.skip(i, "only");
			Optional<TableName> table = t.nameAt(i);
			if (table.isEmpty()) {
				return Optional.empty();
			}
			int where = t.findTopLevel(i, "where");
			boolean bounded = where >= 0 && !trivial(t.from(where + 1));
			return Optional.of(new Dml(verb, table.get(), bounded, where >= 0, setColumns(t, i)));
		}

		/** The columns of {@code SET a = ..., b = ...}; empty when there is a tuple. */
		private static List<String> setColumns(Tokens t, int from) {
			int set = t.findTopLevel(from, "set");
			if (set < 0) {
				return List.of();
			}
			int end = t.size();
			for (String stop : List.of("from", "where", "returning")) {
				int at = t.findTopLevel(set, stop);
				if (at >= 0 && at < end) {
					end = at;
				}
			}
			List<String> columns = new ArrayList<>();
			for (Tokens part : t.slice(set + 1, end).splitTopLevel()) {
				if (!part.isIdentifier(0) || !part.is(1, "=")) {
					return List.of();
				}
				columns.add(part.identifier(0));
			}
			return columns;
		}

		private static boolean trivial(Tokens condition) {
			int returning = condition.findTopLevel(0, "returning");
			Tokens c = (returning >= 0) ? condition.slice(0, returning) : condition;
			return (c.size() == 1 && c.at(0, "true"))
					|| (c.size() == 3 && c.is(1, "=") && c.get(0).text().equals(c.get(2).text()) && !c.isIdentifier(0));
		}

	}

}
