package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.SqlWords.Token;

import static dev.migsh.core.plan.SqlWords.after;
import static dev.migsh.core.plan.SqlWords.name;

/**
 * Reads, by tokens, which objects DDL statements create (for mark-applied's existence
 * check) and which data they destroy (for rollback instructions): DROP TABLE, DROP
 * COLUMN, DROP SCHEMA and TRUNCATE.
 */
public final class DdlObjects {

	private DdlObjects() {
	}

	/**
	 * Objects the statements create, in order; an unnamed {@code CREATE INDEX ON t} is
	 * skipped.
	 */
	public static List<DbObject> created(List<SqlStatement> statements) {
		return statements.stream().flatMap(s -> StatementEffects.of(s).created().stream()).toList();
	}

	/** What the statements destroy: tables, columns, schemas and truncated tables. */
	public static List<DbObject> destroyed(List<SqlStatement> statements) {
		List<DbObject> objects = new ArrayList<>();
		for (SqlStatement statement : statements) {
			List<Token> t = SqlWords.tokenize(statement.sql());
			if (t.size() < 2) {
				continue;
			}
			if (t.get(0).is("drop") && (t.get(1).is("table") || t.get(1).is("schema"))) {
				DbObject.Kind kind = t.get(1).is("table") ? DbObject.Kind.TABLE : DbObject.Kind.SCHEMA;
				names(t, skipIfExists(t, 2), kind, objects);
			}
			else if (t.get(0).is("truncate")) {
				int i = 1;
				while (i < t.size() && (t.get(i).is("table") || t.get(i).is("only"))) {
					i++;
				}
				names(t, i, DbObject.Kind.TABLE, objects);
			}
			else if (t.get(0).is("alter") && t.get(1).is("table")) {
				alteredColumns(t, objects, "drop");
			}
		}
		return objects;
	}

	/** The columns an ALTER TABLE adds or drops ({@code verb} is "add" or "drop"). */
	private static void alteredColumns(List<Token> t, List<DbObject> objects, String verb) {
		int i = skipIfExists(t, 2);
		if (i < t.size() && t.get(i).is("only")) {
			i++;
		}
		Optional<DbObject> table = name(t, i, DbObject.Kind.TABLE);
		if (table.isEmpty()) {
			return;
		}
		i = after(t, i);
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
			else if (depth == 0 && actionStart && token.is(verb) && i + 1 < t.size()) {
				int j = i + 1;
				if (t.get(j).is("column")) {
					j++;
				}
				else if (t.get(j).kind() == SqlWords.Kind.WORD && Set
					.of("constraint", "default", "not", "expression", "identity", "attribute", "primary", "unique",
							"check", "foreign", "exclude")
					.contains(lower(t.get(j)))) {
					actionStart = false;
					continue;
				}
				j = verb.equals("add") ? skipIfNotExists(t, j) : skipIfExists(t, j);
				if (j < t.size() && t.get(j).isName()) {
					Token column = t.get(j);
					objects.add(new DbObject(DbObject.Kind.COLUMN, table.get().sqlName() + "." + column.sql(),
							table.get().schema(), table.get().name() + "." + column.folded()));
				}
			}
			actionStart = false;
		}
	}

	private static void names(List<Token> t, int i, DbObject.Kind kind, List<DbObject> into) {
		while (i < t.size()) {
			Optional<DbObject> object = name(t, i, kind);
			if (object.isEmpty()) {
				return;
			}
			into.add(object.get());
			i = after(t, i);
			if (i < t.size() && t.get(i).isSymbol(',')) {
				i++;
			}
			else {
				return;
			}
		}
	}

	private static int skipIfNotExists(List<Token> t, int i) {
		if (i + 2 < t.size() && t.get(i).is("if") && t.get(i + 1).is("not") && t.get(i + 2).is("exists")) {
			return i + 3;
		}
		return i;
	}

	private static int skipIfExists(List<Token> t, int i) {
		if (i + 1 < t.size() && t.get(i).is("if") && t.get(i + 1).is("exists")) {
			return i + 2;
		}
		return i;
	}

	private static String lower(Token token) {
		return token.kind() == SqlWords.Kind.WORD ? token.text().toLowerCase(java.util.Locale.ROOT) : "";
	}

}
