package dev.migsh.core.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SectionKind;
import dev.migsh.core.catalog.SqlStatement;

/** Builds sections for lint tests; statements end with a semicolon at the end of a line. */
public final class Sections {

	private Sections() {
	}

	public static Section transactional(String sql) {
		return of(SectionKind.UP, true, sql);
	}

	public static Section nonTransactional(String sql) {
		return of(SectionKind.UP, false, sql);
	}

	public static Section of(SectionKind kind, boolean transactional, String sql) {
		List<SqlStatement> statements = new ArrayList<>();
		int line = 1;
		StringBuilder current = new StringBuilder();
		int startLine = 1;
		for (String text : sql.split("\n", -1)) {
			if (current.isEmpty() && text.isBlank()) {
				line++;
				startLine = line;
				continue;
			}
			current.append(current.isEmpty() ? "" : "\n").append(text);
			if (text.stripTrailing().endsWith(";")) {
				String statement = current.toString().stripTrailing();
				statements.add(new SqlStatement(statement.substring(0, statement.length() - 1), startLine, 1));
				current.setLength(0);
				startLine = line + 1;
			}
			line++;
		}
		if (!current.toString().isBlank()) {
			statements.add(new SqlStatement(current.toString().strip(), startLine, 1));
		}
		return new Section(kind, Path.of("test.sql"), sql, transactional, statements, "0");
	}

}
