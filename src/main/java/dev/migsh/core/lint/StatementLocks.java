package dev.migsh.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.catalog.SqlStatement;

/**
 * The table locks a statement takes and whether it rewrites or scans the table, read from
 * its text (PostgreSQL's documented lock levels; the strictest action of an ALTER TABLE
 * wins). Version-dependent answers use the server version in the {@link LintContext}.
 */
public final class StatementLocks {

	private StatementLocks() {
	}

	public static LockInfo lockOf(SqlStatement statement, LintContext ctx) {
		return lockOf(Tokens.lex(statement.sql()), ctx);
	}

	public static LockInfo lockOf(Tokens t, LintContext ctx) {
		if (t.startsWith("alter", "table")) {
			return AlterTable.parse(t).map(alter -> alterTable(alter, ctx)).orElse(LockInfo.none("not analysed"));
		}
		Optional<CreateIndex> index = CreateIndex.parse(t);
		if (index.isPresent()) {
			LockMode mode = index.get().concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE;
			return new LockInfo(List.of(new TableLock(index.get().table(), mode)), false, true,
					index.get().concurrently() ? "two scans; waits for older transactions" : "");
		}
		Optional<TableName> created = StatementContext.createdTable(t);
		if (created.isPresent() && t.contains("if", "not", "exists") && ctx.tablesKnown()
				&& ctx.mayExist(created.get())) {
			return LockInfo.none("the table exists; IF NOT EXISTS makes it a no-op");
		}
		if (created.isPresent()) {
			List<TableLock> locks = new ArrayList<>();
			locks.add(new TableLock(created.get(), LockMode.ACCESS_EXCLUSIVE));
			locks.addAll(referenced(t, LockMode.SHARE_ROW_EXCLUSIVE));
			return new LockInfo(locks, false, false, "new table");
		}
		if (t.startsWith("insert", "into") || t.startsWith("merge", "into")) {
			return single(t.nameAt(2), LockMode.ROW_EXCLUSIVE, false, false, "");
		}
		if (t.startsWith("update")) {
			return single(t.nameAt(t.skip(1, "only")), LockMode.ROW_EXCLUSIVE, false, false, "plus row locks");
		}
		if (t.startsWith("delete", "from")) {
			return single(t.nameAt(t.skip(2, "only")), LockMode.ROW_EXCLUSIVE, false, false, "plus row locks");
		}
		if (t.startsWith("select")) {
			int from = t.findTopLevel(0, "from");
			return (from < 0) ? LockInfo.none("") : single(t.nameAt(from + 1), LockMode.ACCESS_SHARE, false, false, "");
		}
		if (t.startsWith("vacuum")) {
			boolean full = t.contains("full");
			return new LockInfo(locks(names(t, 1), full ? LockMode.ACCESS_EXCLUSIVE : LockMode.SHARE_UPDATE_EXCLUSIVE),
					full, true, "");
		}
		if (t.startsWith("analyze") || t.startsWith("analyse")) {
			return new LockInfo(locks(names(t, 1), LockMode.SHARE_UPDATE_EXCLUSIVE), false, true, "");
		}
		if (t.startsWith("cluster")) {
			return new LockInfo(locks(names(t, 1), LockMode.ACCESS_EXCLUSIVE), true, true, "");
		}
		if (t.startsWith("truncate")) {
			return new LockInfo(locks(names(t, t.skip(1, "table")), LockMode.ACCESS_EXCLUSIVE), false, false,
					"not MVCC-safe");
		}
		if (t.startsWith("lock")) {
			return lockTable(t);
		}
		if (t.startsWith("reindex")) {
			return reindex(t);
		}
		if (t.startsWith("refresh", "materialized", "view")) {
			boolean concurrently = t.at(3, "concurrently");
			return single(t.nameAt(t.skip(3, "concurrently")),
					concurrently ? LockMode.EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE, false, true, "recomputes the view");
		}
		if (createsTrigger(t)) {
			int on = t.find(0, "on");
			return single(t.nameAt(on + 1), LockMode.SHARE_ROW_EXCLUSIVE, false, false, "");
		}
		if (t.startsWith("drop", "index")) {
			boolean concurrently = t.at(2, "concurrently");
			int i = t.skip(t.skip(2, "concurrently"), "if", "exists");
			LockMode mode = concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
			List<TableLock> locks = new ArrayList<>();
			List<String> unknown = new ArrayList<>();
			for (TableName dropped : names(t, i)) {
				Optional<TableName> table = ctx.indexTable(dropped);
				if (table.isPresent()) {
					locks.add(new TableLock(table.get(), mode));
				}
				else if (!ctx.tablesKnown()) {
					// no catalog (report): the lock is still on a table, only its name is
					// unknown
					locks.add(new TableLock(new TableName(null, "the table of index " + dropped), mode));
				}
				else {
					unknown.add("the table of index " + dropped);
				}
			}
			String note = unknown.isEmpty() ? "" : "locks " + String.join(", ", unknown) + " " + mode.sqlName();
			return new LockInfo(locks, false, false, note);
		}
		if (t.startsWith("drop", "table") || t.startsWith("drop", "materialized", "view")
				|| t.startsWith("drop", "view") || t.startsWith("drop", "sequence")) {
			int i = t.startsWith("drop", "materialized") ? 3 : 2;
			return new LockInfo(locks(names(t, t.skip(i, "if", "exists")), LockMode.ACCESS_EXCLUSIVE), false, false,
					"");
		}
		if (t.startsWith("alter", "type") && t.contains("add", "value")) {
			return LockInfo.none("changes the type's catalog entry; no table lock");
		}
		return LockInfo.none("no table lock analysed for this statement");
	}

	private static LockInfo alterTable(AlterTable alter, LintContext ctx) {
		List<TableLock> locks = new ArrayList<>();
		LockMode own = LockMode.NONE;
		boolean rewrite = false;
		boolean scan = false;
		List<String> notes = new ArrayList<>();
		for (AlterAction action : alter.actions()) {
			Tokens a = action.tokens();
			LockMode mode = LockMode.ACCESS_EXCLUSIVE;
			if ((a.startsWith("enable") || a.startsWith("disable")) && a.contains("trigger")) {
				mode = LockMode.SHARE_ROW_EXCLUSIVE;
			}
			else if (action.addsConstraint() && action.constraintBody().startsWith("foreign", "key")) {
				mode = LockMode.SHARE_ROW_EXCLUSIVE;
				locks.addAll(referenced(a, LockMode.SHARE_ROW_EXCLUSIVE));
				scan |= !action.notValid();
			}
			else if (a.startsWith("validate", "constraint")) {
				mode = LockMode.SHARE_UPDATE_EXCLUSIVE;
				scan = true;
			}
			else if (a.startsWith("set", "(") || a.startsWith("reset", "(") || a.startsWith("cluster", "on")
					|| a.startsWith("set", "without", "cluster") || action.alters("set", "statistics")
					|| action.alters("set", "(") || action.alters("reset", "(")) {
				mode = LockMode.SHARE_UPDATE_EXCLUSIVE;
			}
			else if (a.startsWith("attach", "partition")) {
				mode = ctx.atLeast(120000) ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
				a.nameAt(2).ifPresent(child -> locks.add(new TableLock(child, LockMode.ACCESS_EXCLUSIVE)));
				scan = true;
				notes.add("scans the new partition unless a valid CHECK matches its bound");
			}
			else if (a.startsWith("detach", "partition")) {
				boolean concurrently = a.containsTopLevel("concurrently");
				mode = concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
				LockMode childMode = mode;
				a.nameAt(2).ifPresent(child -> locks.add(new TableLock(child, childMode)));
			}
			else if (a.startsWith("set", "tablespace") || a.startsWith("set", "logged")
					|| a.startsWith("set", "unlogged") || a.startsWith("set", "access", "method")) {
				rewrite = true;
			}
			else if (action.newType().isPresent()) {
				Tokens type = action.newType().get();
				rewrite |= !TypeChanges.catalogOnly(alter, action, ctx)
						&& (!TypeChanges.rewriteFree(type) || action.usingExpression().isPresent());
				if (TypeChanges.catalogOnly(alter, action, ctx)) {
					notes.add("widens the type: the catalog changes, the rows do not");
				}
			}
			else if (action.addsColumn()) {
				Optional<ColumnDefinition> column = action.addedColumn();
				if (column.isPresent()) {
					rewrite |= ColumnDefaults.rewriteReason(column.get(), ctx).isPresent();
					locks.addAll(referenced(a, LockMode.SHARE_ROW_EXCLUSIVE));
					scan |= column.get().has("unique") || column.get().has("primary", "key");
				}
			}
			else if (action.alters("set", "not", "null")) {
				scan = true;
			}
			else if (action.addsConstraint() && !action.notValid() && !action.contains("using", "index")) {
				scan = true;
			}
			own = own.max(mode);
		}
		locks.add(0, new TableLock(alter.table(), own));
		return new LockInfo(locks, rewrite, scan || rewrite, String.join("; ", notes));
	}

	/**
	 * {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER}, not a function returning trigger.
	 */
	private static boolean createsTrigger(Tokens t) {
		int i = t.skip(1, "or", "replace");
		i = t.skip(i, "constraint");
		return t.at(i, "trigger");
	}

	private static LockInfo reindex(Tokens t) {
		boolean concurrently = t.contains("concurrently");
		int i = 1;
		if (t.is(i, "(")) {
			i = t.closing(i) + 1;
		}
		boolean index = t.at(i, "index");
		i = t.skip(i + 1, "concurrently");
		LockMode mode = concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE;
		String note = index ? "the lock is taken on the table the index belongs to" : "rebuilds every index";
		if (!concurrently) {
			note += "; the rebuilt indexes are locked ACCESS EXCLUSIVE, which blocks queries that would use them";
		}
		return single(t.nameAt(i), mode, false, true, note);
	}

	private static LockInfo lockTable(Tokens t) {
		int i = t.skip(1, "table");
		i = t.skip(i, "only");
		LockMode mode = LockMode.ACCESS_EXCLUSIVE;
		int in = t.findTopLevel(i, "in");
		int end = (in < 0) ? t.size() : in;
		if (in >= 0) {
			StringBuilder name = new StringBuilder();
			for (int k = in + 1; k < t.size() && !t.at(k, "mode"); k++) {
				name.append(name.isEmpty() ? "" : "_").append(t.word(k).toUpperCase(java.util.Locale.ROOT));
			}
			try {
				mode = LockMode.valueOf(name.toString());
			}
			catch (IllegalArgumentException ex) {
				mode = LockMode.ACCESS_EXCLUSIVE;
			}
		}
		return new LockInfo(locks(names(t.slice(0, end), i), mode), false, false, "held until the transaction ends");
	}

	private static LockInfo single(Optional<TableName> table, LockMode mode, boolean rewrite, boolean scan,
			String note) {
		return new LockInfo(table.map(name -> List.of(new TableLock(name, mode))).orElse(List.of()), rewrite, scan,
				note);
	}

	private static List<TableName> names(Tokens t, int from) {
		int i = from;
		while (i < t.size() && (t.is(i, "(") || t.word(i).matches("full|freeze|verbose|analyze|analyse|only"))) {
			i = t.is(i, "(") ? t.closing(i) + 1 : i + 1;
		}
		List<TableName> names = new ArrayList<>();
		for (Tokens part : t.from(i).splitTopLevel()) {
			part.nameAt(0).ifPresent(names::add);
		}
		return names;
	}

	private static List<TableLock> locks(List<TableName> tables, LockMode mode) {
		return tables.stream().map(table -> new TableLock(table, mode)).toList();
	}

	private static List<TableLock> referenced(Tokens t, LockMode mode) {
		List<TableLock> locks = new ArrayList<>();
		for (int i = t.find(0, "references"); i >= 0; i = t.find(i + 1, "references")) {
			t.nameAt(i + 1).ifPresent(table -> locks.add(new TableLock(table, mode)));
		}
		return locks;
	}

}
