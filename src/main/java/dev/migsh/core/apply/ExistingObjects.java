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
			default -> RELATION;
		};
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			if (sql == ROUTINE) {
				ps.setString(1, object.name());
				ps.setString(2, object.schema().orElse(null));
				ps.setString(3, object.schema().orElse(null));
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

}
