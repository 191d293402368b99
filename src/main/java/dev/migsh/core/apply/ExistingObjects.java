package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.plan.DbObject;

/** Splits objects into those that exist in the database and those that do not. */
final class ExistingObjects {

	private static final String RELATION = "SELECT pg_catalog.to_regclass(?) IS NOT NULL";

	private static final String TYPE = "SELECT pg_catalog.to_regtype(?) IS NOT NULL";

	private static final String SCHEMA = "SELECT pg_catalog.to_regnamespace(?) IS NOT NULL";

	private static final String ROUTINE = """
			SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
				WHERE p.proname = ? AND CASE WHEN ?::text IS NULL THEN pg_catalog.pg_function_is_visible(p.oid)
					ELSE n.nspname = ? END)""";

	private static final String COLUMN = """
			SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
				WHERE attrelid = pg_catalog.to_regclass(?) AND attname = ? AND attnum > 0 AND NOT attisdropped)""";

	private static final String CONSTRAINT = """
			SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
				WHERE conrelid = pg_catalog.to_regclass(?) AND conname = ?)""";

	record Split(List<DbObject> existing, List<DbObject> missing) {
	}

	private ExistingObjects() {
	}

	static Split check(Connection connection, List<DbObject> objects) throws SQLException {
		List<DbObject> existing = new ArrayList<>();
		List<DbObject> missing = new ArrayList<>();
		for (DbObject object : objects) {
			(exists(connection, object) ? existing : missing).add(object);
		}
		return new Split(existing, missing);
	}

	private static boolean exists(Connection connection, DbObject object) throws SQLException {
		String sql = switch (object.kind()) {
			case TYPE, DOMAIN -> TYPE;
			case SCHEMA -> SCHEMA;
			case FUNCTION, PROCEDURE -> ROUTINE;
			case COLUMN -> COLUMN;
			case CONSTRAINT -> CONSTRAINT;
			default -> RELATION;
		};
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			if (sql == ROUTINE) {
				ps.setString(1, object.name());
				ps.setString(2, object.schema().orElse(null));
				ps.setString(3, object.schema().orElse(null));
			}
			else if (sql == COLUMN || sql == CONSTRAINT) {
				int dot = lastDotOutsideQuotes(object.sqlName());
				ps.setString(1, object.sqlName().substring(0, dot));
				ps.setString(2, object.name().substring(object.name().lastIndexOf('.') + 1));
			}
			else {
				ps.setString(1, object.sqlName());
			}
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * {@code "a.b".c} splits before {@code c}: dots inside double quotes are part of a
	 * name.
	 */
	static int lastDotOutsideQuotes(String name) {
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
