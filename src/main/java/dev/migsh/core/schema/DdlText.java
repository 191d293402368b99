package dev.migsh.core.schema;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Small pieces of DDL text shared by {@link DdlReader} and {@link TableDdl}. */
final class DdlText {

	private DdlText() {
	}

	static String text(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return (value == null) ? null : value.toString();
	}

	/** {@code COMMENT ON target IS literal}, the literal already quoted by the server. */
	static void comment(List<String> statements, String target, String quotedComment) {
		if (quotedComment != null) {
			statements.add("COMMENT ON " + target + " IS " + quotedComment);
		}
	}

	static String prefixed(String prefix, String value) {
		return (value == null) ? "" : prefix + value;
	}

	static String prefixed(String prefix, String value, String suffix) {
		return (value == null) ? "" : prefix + value + suffix;
	}

	static String orEmpty(String value) {
		return (value == null) ? "" : value;
	}

	static List<String> strings(Object sqlArray) {
		try {
			return List.of((String[]) ((java.sql.Array) sqlArray).getArray());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not read a text[] from the catalog", ex);
		}
	}

	static String stripSemicolon(String sql) {
		String s = sql.strip();
		return s.endsWith(";") ? s.substring(0, s.length() - 1).stripTrailing() : s;
	}

	// an index's snapshot name is schema.index; ALTER TABLE ... CLUSTER ON takes the bare
	// name
	static String unqualified(String qualifiedIndex) {
		int dot = lastDotOutsideQuotes(qualifiedIndex);
		return qualifiedIndex.substring(dot + 1);
	}

	private static int lastDotOutsideQuotes(String name) {
		boolean quoted = false;
		int dot = -1;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '.' && !quoted) {
				dot = i;
			}
		}
		return dot;
	}

}
