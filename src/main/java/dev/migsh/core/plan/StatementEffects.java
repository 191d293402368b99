package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.SqlWords.Token;

import static dev.migsh.core.plan.SqlWords.after;
import static dev.migsh.core.plan.SqlWords.at;
import static dev.migsh.core.plan.SqlWords.closing;
import static dev.migsh.core.plan.SqlWords.find;
import static dev.migsh.core.plan.SqlWords.name;
import static dev.migsh.core.plan.SqlWords.skip;
import static dev.migsh.core.plan.SqlWords.word;

/**
 * What one statement does to named objects, read from its tokens: the objects it creates
 * (with {@code IF NOT EXISTS} or {@code OR REPLACE}), alters, drops (with
 * {@code IF EXISTS}), renames, and the objects it needs to exist (the table of
 * {@code CREATE INDEX ON}, a foreign key's referenced table, the target of
 * {@code COMMENT ON} or of DML). Statements it cannot read (a DO block, a CALL) are
 * {@link #opaque() opaque}: they may create anything.
 */
public record StatementEffects(List<Effect> effects, boolean opaque) {

	/** What a statement does to one object. */
	public enum Action {

		/** Creates it; fails if it exists unless guarded or {@code OR REPLACE}. */
		CREATE,
		/**
		 * Gives an existing object this new name ({@code RENAME TO}, {@code SET SCHEMA}).
		 */
		RENAME,
		/** Changes it; it must exist unless guarded ({@code ALTER TABLE IF EXISTS}). */
		ALTER,
		/** Drops it; it must exist unless guarded ({@code DROP ... IF EXISTS}). */
		DROP,
		/** Needs it to exist: an index's table, a referenced table, DML's target. */
		USE

	}

	/**
	 * One object the statement acts on.
	 *
	 * @param guarded {@code IF NOT EXISTS} on a create, {@code IF EXISTS} on an alter or
	 * drop
	 * @param orReplace {@code CREATE OR REPLACE}
	 */
	public record Effect(Action action, DbObject object, boolean guarded, boolean orReplace) {

		/** True when the statement fails if the object does not exist yet. */
		public boolean needsExisting() {
			return !this.guarded
					&& (this.action == Action.ALTER || this.action == Action.DROP || this.action == Action.USE);
		}

		/** True when the statement fails if the object exists already. */
		public boolean needsAbsent() {
			return (this.action == Action.CREATE && !this.guarded && !this.orReplace) || this.action == Action.RENAME;
		}

	}

	private static final Set<String> CREATE_MODIFIERS = Set.of("global", "local", "temp", "temporary", "unlogged",
			"recursive", "unique", "trusted");

	private static final Set<String> OPAQUE = Set.of("do", "call", "execute", "import");

	private static final Set<String> COLUMN_ACTION_WORDS = Set.of("constraint", "default", "not", "expression",
			"identity", "attribute", "primary", "unique", "check", "foreign", "exclude");

	public StatementEffects {
		effects = List.copyOf(effects);
	}

	public static StatementEffects of(SqlStatement statement) {
		return of(statement.sql());
	}

	public static StatementEffects of(String sql) {
		List<Token> t = SqlWords.tokenize(sql);
		List<Effect> effects = new ArrayList<>();
		if (t.isEmpty()) {
			return new StatementEffects(effects, false);
		}
		String head = word(t, 0);
		if (OPAQUE.contains(head)) {
			return new StatementEffects(effects, true);
		}
		switch (head) {
			case "create" -> create(t, effects);
			case "alter" -> alter(t, effects);
			case "drop" -> drop(t, effects);
			case "comment" -> comment(t, effects);
			case "truncate" -> {
				int i = 1;
				while (i < t.size() && (t.get(i).is("table") || t.get(i).is("only"))) {
					i++;
				}
				names(t, i, DbObject.Kind.TABLE, Action.USE, false, effects);
			}
			case "insert" -> use(t, t.size() > 1 && t.get(1).is("into") ? 2 : -1, effects);
			case "update" -> use(t, skip(t, 1, "only"), effects);
			case "delete" -> use(t, t.size() > 1 && t.get(1).is("from") ? skip(t, 2, "only") : -1, effects);
			default -> {
			}
		}
		return new StatementEffects(effects, false);
	}

	/** The objects created ({@link Action#CREATE} only), guarded or not. */
	public List<DbObject> created() {
		return this.effects.stream().filter(e -> e.action() == Action.CREATE).map(Effect::object).toList();
	}

	private static void create(List<Token> t, List<Effect> effects) {
		int i = 1;
		boolean orReplace = false;
		if (i + 1 < t.size() && t.get(i).is("or") && t.get(i + 1).is("replace")) {
			orReplace = true;
			i += 2;
		}
		while (i < t.size() && CREATE_MODIFIERS.contains(word(t, i))) {
			i++;
		}
		if (i < t.size() && (t.get(i).is("constraint") || t.get(i).is("trigger"))) {
			int on = find(t, i, "on");
			if (on > 0) {
				name(t, on + 1, DbObject.Kind.TABLE).ifPresent(table -> effects.add(effect(Action.USE, table)));
			}
			return;
		}
		DbObject.Kind kind = kind(word(t, i));
		if (kind == null) {
			return;
		}
		i += (kind == DbObject.Kind.MATERIALIZED_VIEW) ? 2 : 1;
		if (i < t.size() && t.get(i).is("concurrently")) {
			i++;
		}
		boolean ifNotExists = at(t, i, "if", "not", "exists");
		i = ifNotExists ? i + 3 : i;
		if (kind == DbObject.Kind.SCHEMA && i < t.size() && t.get(i).is("authorization")) {
			return;
		}
		if (kind == DbObject.Kind.INDEX) {
			int on = (i < t.size() && t.get(i).is("on")) ? i : find(t, i, "on");
			Optional<DbObject> table = (on > 0) ? name(t, skip(t, on + 1, "only"), DbObject.Kind.TABLE)
					: Optional.empty();
			if (on != i && i < t.size() && t.get(i).isName()) {
				// an index lives in its table's schema
				Token index = t.get(i);
				effects.add(new Effect(Action.CREATE,
						new DbObject(kind, index.sql(), table.flatMap(DbObject::schema), index.folded()), ifNotExists,
						false));
			}
			table.ifPresent(on2 -> effects.add(effect(Action.USE, on2)));
			return;
		}
		Optional<DbObject> created = name(t, i, kind);
		if (created.isEmpty()) {
			return;
		}
		effects.add(new Effect(Action.CREATE, created.get(), ifNotExists, orReplace));
		if (kind == DbObject.Kind.TABLE) {
			int partitionOf = find(t, i, "partition");
			if (partitionOf == after(t, i) && partitionOf + 1 < t.size() && t.get(partitionOf + 1).is("of")) {
				name(t, partitionOf + 2, DbObject.Kind.TABLE).ifPresent(p -> effects.add(effect(Action.USE, p)));
			}
			references(t, i, created.get(), effects);
		}
	}

	private static void alter(List<Token> t, List<Effect> effects) {
		int i = 1;
		DbObject.Kind kind = kind(word(t, i));
		if (kind == null || kind == DbObject.Kind.FUNCTION || kind == DbObject.Kind.PROCEDURE) {
			return;
		}
		i += (kind == DbObject.Kind.MATERIALIZED_VIEW) ? 2 : 1;
		boolean ifExists = at(t, i, "if", "exists");
		i = ifExists ? i + 2 : i;
		i = skip(t, i, "only");
		Optional<DbObject> target = name(t, i, kind);
		if (target.isEmpty()) {
			return;
		}
		effects.add(new Effect(Action.ALTER, target.get(), ifExists, false));
		int rest = after(t, i);
		if (at(t, rest, "rename", "to") && rest + 2 < t.size()) {
			Token to = t.get(rest + 2);
			effects.add(new Effect(Action.DROP, target.get(), true, false));
			effects.add(new Effect(Action.RENAME,
					new DbObject(kind, target.get().schema().map(s -> quoted(s) + ".").orElse("") + to.sql(),
							target.get().schema(), to.folded()),
					false, false));
			return;
		}
		if (at(t, rest, "set", "schema") && rest + 2 < t.size() && kind != DbObject.Kind.SCHEMA) {
			Token schema = t.get(rest + 2);
			effects.add(new Effect(Action.DROP, target.get(), true, false));
			effects.add(new Effect(Action.RENAME, new DbObject(kind, schema.sql() + "." + quoted(target.get().name()),
					Optional.of(schema.folded()), target.get().name()), false, false));
			return;
		}
		if (kind == DbObject.Kind.TABLE && at(t, rest, "rename") && !at(t, rest + 1, "constraint")) {
			int from = skip(t, rest + 1, "column");
			if (from + 2 < t.size() && t.get(from).isName() && t.get(from + 1).is("to") && t.get(from + 2).isName()) {
				effects.add(new Effect(Action.DROP, column(target.get(), t.get(from)), true, false));
				effects.add(new Effect(Action.RENAME, column(target.get(), t.get(from + 2)), false, false));
			}
			return;
		}
		if (kind == DbObject.Kind.TABLE) {
			columns(t, rest, target.get(), effects);
			references(t, rest, target.get(), effects);
		}
	}

	private static void drop(List<Token> t, List<Effect> effects) {
		int i = 1;
		DbObject.Kind kind = kind(word(t, i));
		if (kind == null) {
			return;
		}
		i += (kind == DbObject.Kind.MATERIALIZED_VIEW) ? 2 : 1;
		i = skip(t, i, "concurrently");
		boolean ifExists = at(t, i, "if", "exists");
		names(t, ifExists ? i + 2 : i, kind, Action.DROP, ifExists, effects);
	}

	private static void comment(List<Token> t, List<Effect> effects) {
		if (!at(t, 1, "on")) {
			return;
		}
		String what = word(t, 2);
		if (what.equals("column")) {
			int i = 3;
			int end = i;
			while (end + 2 < t.size() && t.get(end).isName() && t.get(end + 1).isSymbol('.')) {
				end += 2;
			}
			// schema.table.column or table.column: the table is the part before the
			// last dot
			int parts = (end - i) / 2 + 1;
			if (parts == 3) {
				name(t, i, DbObject.Kind.TABLE).ifPresent(table -> effects.add(effect(Action.USE, table)));
			}
			else if (parts == 2 && t.get(i).isName()) {
				Token table = t.get(i);
				effects.add(effect(Action.USE,
						new DbObject(DbObject.Kind.TABLE, table.sql(), Optional.empty(), table.folded())));
			}
			return;
		}
		DbObject.Kind kind = kind(what);
		if (kind == null || kind == DbObject.Kind.FUNCTION || kind == DbObject.Kind.PROCEDURE) {
			return;
		}
		name(t, kind == DbObject.Kind.MATERIALIZED_VIEW ? 4 : 3, kind)
			.ifPresent(object -> effects.add(effect(Action.USE, object)));
	}

	private static void use(List<Token> t, int i, List<Effect> effects) {
		if (i > 0) {
			name(t, i, DbObject.Kind.TABLE).ifPresent(table -> effects.add(effect(Action.USE, table)));
		}
	}

	/** ADD COLUMN and DROP COLUMN actions of an ALTER TABLE, from {@code i}. */
	private static void columns(List<Token> t, int i, DbObject table, List<Effect> effects) {
		int depth = 0;
		boolean actionStart = true;
		for (; i < t.size(); i++) {
			Token token = t.get(i);
			if (token.isSymbol('(')) {
				depth++;
			}
			else if (token.isSymbol(')')) {
				depth--;
			}
			else if (depth == 0 && token.isSymbol(',')) {
				actionStart = true;
				continue;
			}
			else if (depth == 0 && actionStart && (token.is("add") || token.is("drop")) && i + 1 < t.size()) {
				boolean add = token.is("add");
				int j = i + 1;
				if (t.get(j).is("column")) {
					j++;
				}
				else if (COLUMN_ACTION_WORDS.contains(word(t, j))) {
					actionStart = false;
					continue;
				}
				boolean guarded = add ? at(t, j, "if", "not", "exists") : at(t, j, "if", "exists");
				j += guarded ? (add ? 3 : 2) : 0;
				if (j < t.size() && t.get(j).isName()) {
					effects.add(new Effect(add ? Action.CREATE : Action.DROP, column(table, t.get(j)), guarded, false));
				}
			}
			actionStart = false;
		}
	}

	/**
	 * Tables a foreign key points at ({@code REFERENCES t}), other than the table itself.
	 */
	private static void references(List<Token> t, int from, DbObject self, List<Effect> effects) {
		for (int i = find(t, from, "references"); i > 0; i = find(t, i + 1, "references")) {
			name(t, i + 1, DbObject.Kind.TABLE)
				.filter(table -> !(table.name().equals(self.name()) && table.schema().equals(self.schema())))
				.ifPresent(table -> effects.add(effect(Action.USE, table)));
		}
	}

	private static DbObject column(DbObject table, Token column) {
		return new DbObject(DbObject.Kind.COLUMN, table.sqlName() + "." + column.sql(), table.schema(),
				table.name() + "." + column.folded());
	}

	private static Effect effect(Action action, DbObject object) {
		return new Effect(action, object, false, false);
	}

	private static DbObject.Kind kind(String word) {
		return switch (word) {
			case "table" -> DbObject.Kind.TABLE;
			case "index" -> DbObject.Kind.INDEX;
			case "view" -> DbObject.Kind.VIEW;
			case "materialized" -> DbObject.Kind.MATERIALIZED_VIEW;
			case "sequence" -> DbObject.Kind.SEQUENCE;
			case "type" -> DbObject.Kind.TYPE;
			case "domain" -> DbObject.Kind.DOMAIN;
			case "function" -> DbObject.Kind.FUNCTION;
			case "procedure" -> DbObject.Kind.PROCEDURE;
			case "schema" -> DbObject.Kind.SCHEMA;
			default -> null;
		};
	}

	private static void names(List<Token> t, int i, DbObject.Kind kind, Action action, boolean guarded,
			List<Effect> into) {
		while (i < t.size()) {
			Optional<DbObject> object = name(t, i, kind);
			if (object.isEmpty()) {
				return;
			}
			into.add(new Effect(action, object.get(), guarded, false));
			i = after(t, i);
			if (i < t.size() && t.get(i).isSymbol('(')) {
				i = closing(t, i) + 1;
			}
			if (i < t.size() && t.get(i).isSymbol(',')) {
				i++;
			}
			else {
				return;
			}
		}
	}

	private static String quoted(String folded) {
		return folded.matches("[a-z_][a-z0-9_$]*") ? folded : '"' + folded.replace("\"", "\"\"") + '"';
	}

}
