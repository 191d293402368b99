package dev.migsh.core.lint;

import java.nio.file.Path;

import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SectionKind;
import dev.migsh.core.catalog.SqlSplitter;

/**
 * Builds sections for lint tests, split by the real splitter as if the SQL started on
 * line 1 of a file.
 */
public final class Sections {

	private static final Path FILE = Path.of("031-test.sql");

	private Sections() {
	}

	public static Section transactional(String sql) {
		return of(SectionKind.UP, true, sql);
	}

	public static Section nonTransactional(String sql) {
		return of(SectionKind.UP, false, sql);
	}

	public static Section of(SectionKind kind, boolean transactional, String sql) {
		return new Section(kind, FILE, sql, transactional, SqlSplitter.split(sql, FILE, 1), "0");
	}

}
