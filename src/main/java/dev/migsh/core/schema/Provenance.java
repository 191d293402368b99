package dev.migsh.core.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsh.core.catalog.SqlSplitter;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.SqlWords;
import dev.migsh.core.plan.SqlWords.Token;
import dev.migsh.core.schema.TableProvenance.ColumnTouch;
import dev.migsh.core.schema.TableProvenance.Source;
import dev.migsh.core.schema.TableProvenance.Touch;

/**
 * Reads migrations' DDL, by tokens, for what they did to one table: CREATE TABLE and its
 * columns, ALTER TABLE's ADD, ALTER and RENAME of columns, indexes and comments. It reads
 * newest first, so that a rename carries the history of the old name over to the new one.
 */
public final class Provenance {

	private static final Set<String> NOT_COLUMNS = Set.of("constraint", "primary", "unique", "check", "foreign",
			"exclude", "like");

	private final String schema;

	private final Set<String> names = new HashSet<>();

	/** Folded name as a statement may write it, to the column's name today. */
	private final Map<String, String> columns = new LinkedHashMap<>();

	private final Map<String, List<ColumnTouch>> byColumn = new LinkedHashMap<>();

	private Provenance(String schema, String table, List<String> columnNames) {
		this.schema = schema;
		this.names.add(table);
		for (String column : columnNames) {
			this.columns.put(column, column);
			this.byColumn.put(column, new ArrayList<>());
		}
	}

	/**
	 * The history of {@code schema.table} and its columns in {@code sources}, given
	 * oldest first. Names are as PostgreSQL stores them (unquoted, case kept).
	 */
	public static TableProvenance of(String schema, String table, List<String> columnNames, List<Source> sources) {
		Provenance provenance = new Provenance(schema, table, columnNames);
		List<Touch> touches = new ArrayList<>();
		for (int i = sources.size() - 1; i >= 0; i--) {
			Source source = sources.get(i);
			List<String> actions = new ArrayList<>();
			List<SqlStatement> statements = SqlSplitter.split(source.sql(), Path.of(source.id()), 1);
			for (int j = statements.size() - 1; j >= 0; j--) {
				provenance.read(source.id(), SqlWords.tokenize(statements.get(j).sql()), actions);
			}
			if (!actions.isEmpty()) {
				Collections.reverse(actions);
				touches.add(new Touch(source.id(), source.state(), source.appliedAt(), actions));
			}
		}
		Collections.reverse(touches);
		provenance.byColumn.values().forEach(Collections::reverse);
		return new TableProvenance(touches, provenance.byColumn);
	}

	private void read(String id, List<Token> t, List<String> actions) {
		if (t.size() < 3) {
			return;
		}
		if (t.get(0).is("create")) {
			int i = 1;
			while (i < t.size() && !t.get(i).is("table") && !t.get(i).is("index") && !t.get(i).is("on")) {
				i++;
			}
			if (i < t.size() && t.get(i).is("table")) {
				createTable(id, t, skip(t, i + 1, "if", "not", "exists"), actions);
			}
			else if (i < t.size() && t.get(i).is("index")) {
				createIndex(t, i + 1, actions);
			}
		}
		else if (t.get(0).is("alter") && t.get(1).is("table")) {
			int i = skip(t, 2, "if", "exists");
			i = skip(t, i, "only");
			int rename = after(t, i);
			if (rename + 2 < t.size() && t.get(rename).is("rename") && t.get(rename + 1).is("to")
					&& this.names.contains(t.get(rename + 2).folded()) && t.get(i).isName()) {
				// newest first: from here back, the table went by its old name
				String old = t.get(after(t, i) - 1).folded();
				this.names.add(old);
				actions.add("renamed the table from " + t.get(after(t, i) - 1).sql());
				return;
			}
			if (matches(t, i)) {
				alterTable(id, t, after(t, i), actions);
			}
		}
		else if (t.get(0).is("comment") && t.get(1).is("on") && t.get(2).is("table") && matches(t, 3)) {
			actions.add("commented on the table");
		}
	}

	private void createTable(String id, List<Token> t, int i, List<String> actions) {
		if (!matches(t, i)) {
			return;
		}
		actions.add("created the table");
		int open = after(t, i);
		if (open >= t.size() || !t.get(open).isSymbol('(')) {
			return;
		}
		int depth = 0;
		boolean elementStart = true;
		for (int k = open; k < t.size(); k++) {
			Token token = t.get(k);
			if (token.isSymbol('(')) {
				depth++;
				elementStart = depth == 1;
				continue;
			}
			if (token.isSymbol(')')) {
				depth--;
				if (depth == 0) {
					return;
				}
				continue;
			}
			if (depth == 1 && token.isSymbol(',')) {
				elementStart = true;
				continue;
			}
			if (depth == 1 && elementStart && token.isName() && !NOT_COLUMNS.contains(lower(token))) {
				touch(id, token.folded(), "created");
			}
			elementStart = false;
		}
	}

	private void createIndex(List<Token> t, int i, List<String> actions) {
		i = skip(t, i, "concurrently");
		i = skip(t, i, "if", "not", "exists");
		String index = null;
		if (i < t.size() && !t.get(i).is("on")) {
			index = t.get(i).sql();
			i = after(t, i);
		}
		if (i < t.size() && t.get(i).is("on")) {
			i = skip(t, i + 1, "only");
			if (matches(t, i)) {
				actions.add((index == null) ? "created an index" : "created index " + index);
			}
		}
	}

	private void alterTable(String id, List<Token> t, int i, List<String> actions) {
		List<List<Token>> clauses = new ArrayList<>();
		List<Token> clause = new ArrayList<>();
		int depth = 0;
		for (int k = i; k < t.size(); k++) {
			Token token = t.get(k);
			depth += token.isSymbol('(') ? 1 : token.isSymbol(')') ? -1 : 0;
			if (depth == 0 && token.isSymbol(',')) {
				clauses.add(clause);
				clause = new ArrayList<>();
			}
			else {
				clause.add(token);
			}
		}
		clauses.add(clause);
		List<String> here = new ArrayList<>();
		for (List<Token> c : clauses) {
			here.add(alterClause(id, c));
		}
		Collections.reverse(here);
		here.stream().filter((a) -> !a.isEmpty()).distinct().forEach(actions::add);
	}

	private String alterClause(String id, List<Token> c) {
		if (c.isEmpty()) {
			return "";
		}
		if (c.get(0).is("rename")) {
			int k = skip(c, 1, "column");
			if (k + 2 < c.size() && c.get(k + 1).is("to") && !c.get(k).is("constraint")) {
				String now = this.columns.get(c.get(k + 2).folded());
				if (now != null) {
					this.columns.put(c.get(k).folded(), now);
					touch(id, c.get(k + 2).folded(), "renamed");
				}
				return "renamed column " + c.get(k).sql() + " to " + c.get(k + 2).sql();
			}
			return "altered the table";
		}
		if (c.get(0).is("add") && c.size() > 1 && !NOT_COLUMNS.contains(lower(c.get(1)))) {
			int k = skip(c, skip(c, 1, "column"), "if", "not", "exists");
			if (k < c.size() && c.get(k).isName()) {
				touch(id, c.get(k).folded(), "added");
				return "added column " + c.get(k).sql();
			}
		}
		if (c.get(0).is("alter") && c.size() > 1 && !c.get(1).is("constraint")) {
			int k = skip(c, 1, "column");
			if (k < c.size() && c.get(k).isName()) {
				touch(id, c.get(k).folded(), "changed");
				return "changed column " + c.get(k).sql();
			}
		}
		if (c.get(0).is("drop") && c.size() > 1 && !c.get(1).is("constraint")) {
			int k = skip(c, skip(c, 1, "column"), "if", "exists");
			if (k < c.size() && c.get(k).isName()) {
				return "dropped column " + c.get(k).sql();
			}
		}
		return "altered the table";
	}

	private void touch(String id, String foldedName, String verb) {
		String column = this.columns.get(foldedName);
		if (column != null) {
			List<ColumnTouch> touches = this.byColumn.get(column);
			ColumnTouch touch = new ColumnTouch(id, verb);
			if (!touches.contains(touch)) {
				touches.add(touch);
			}
		}
	}

	/**
	 * Whether a (possibly qualified) name at {@code i} is this table, under any of its
	 * names.
	 */
	private boolean matches(List<Token> t, int i) {
		if (i >= t.size() || !t.get(i).isName()) {
			return false;
		}
		if (i + 2 < t.size() && t.get(i + 1).isSymbol('.') && t.get(i + 2).isName()) {
			return t.get(i).folded().equals(this.schema) && this.names.contains(t.get(i + 2).folded());
		}
		return this.names.contains(t.get(i).folded());
	}

	private static int after(List<Token> t, int i) {
		return (i + 2 < t.size() && t.get(i + 1).isSymbol('.') && t.get(i + 2).isName()) ? i + 3 : i + 1;
	}

	private static int skip(List<Token> t, int i, String... words) {
		for (int k = 0; k < words.length; k++) {
			if (i + k >= t.size() || !t.get(i + k).is(words[k])) {
				return i;
			}
		}
		return i + words.length;
	}

	private static String lower(Token token) {
		return token.kind() == SqlWords.Kind.WORD ? token.text().toLowerCase(java.util.Locale.ROOT) : "";
	}

}
