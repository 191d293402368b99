package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.SqlWords.Token;

/**
 * The named constraints statements create: {@code CONSTRAINT name} inside
 * {@code CREATE TABLE t (...)} and in {@code ALTER TABLE t ADD CONSTRAINT name ...}, each
 * as a {@link DbObject.Kind#CONSTRAINT} whose name is {@code table.constraint}. Unnamed
 * constraints are left out: their names are PostgreSQL's choice.
 */
public final class DdlConstraints {

	private DdlConstraints() {
	}

	public static List<DbObject> created(List<SqlStatement> statements) {
		List<DbObject> constraints = new ArrayList<>();
		for (SqlStatement statement : statements) {
			List<Token> t = SqlWords.tokenize(statement.sql());
			Optional<DbObject> table = table(t);
			if (table.isEmpty()) {
				continue;
			}
			for (int i = 0; i + 1 < t.size(); i++) {
				if (t.get(i).is("constraint") && t.get(i + 1).isName() && !(i > 0 && t.get(i - 1).is("drop"))
						&& !(i > 0 && t.get(i - 1).is("validate")) && !(i > 0 && t.get(i - 1).is("rename"))
						&& !(i > 0 && t.get(i - 1).is("alter"))) {
					Token name = t.get(i + 1);
					DbObject owner = table.get();
					constraints.add(new DbObject(DbObject.Kind.CONSTRAINT, owner.sqlName() + "." + name.sql(),
							owner.schema(), owner.name() + "." + name.folded()));
				}
			}
		}
		return constraints;
	}

	/** The table of a CREATE TABLE or ALTER TABLE statement. */
	private static Optional<DbObject> table(List<Token> t) {
		int i;
		if (t.size() > 2 && t.get(0).is("create")) {
			i = 1;
			while (i < t.size() && (t.get(i).is("temporary") || t.get(i).is("temp") || t.get(i).is("unlogged")
					|| t.get(i).is("global") || t.get(i).is("local"))) {
				i++;
			}
			if (i >= t.size() || !t.get(i).is("table")) {
				return Optional.empty();
			}
			i++;
			if (i + 2 < t.size() && t.get(i).is("if") && t.get(i + 1).is("not") && t.get(i + 2).is("exists")) {
				i += 3;
			}
		}
		else if (t.size() > 2 && t.get(0).is("alter") && t.get(1).is("table")) {
			i = 2;
			if (i + 1 < t.size() && t.get(i).is("if") && t.get(i + 1).is("exists")) {
				i += 2;
			}
			if (i < t.size() && t.get(i).is("only")) {
				i++;
			}
		}
		else {
			return Optional.empty();
		}
		return SqlWords.name(t, i, DbObject.Kind.TABLE);
	}

}
