package dev.migsh.core.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds INVALID indexes on a table, as the catalog has them now. The table is named as a
 * statement names it (schema optional: then the search path decides, as it did for the
 * statement).
 */
public final class InvalidIndexes {

	private static final String ON_TABLE = """
			SELECT n.nspname, c.relname, t.relname, pg_catalog.pg_get_indexdef(i.indexrelid)
			FROM pg_catalog.pg_index i
			JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
			WHERE NOT i.indisvalid
			  AND i.indrelid = pg_catalog.to_regclass(CASE WHEN ?::text IS NULL THEN pg_catalog.quote_ident(?)
			      ELSE pg_catalog.quote_ident(?) || '.' || pg_catalog.quote_ident(?) END)
			  AND (?::text IS NULL OR c.relname = ?)
			ORDER BY c.relname""";

	private InvalidIndexes() {
	}

	/**
	 * The INVALID indexes on {@code schema.table} ({@code schema} null: as the search
	 * path finds the table), only the one called {@code index} unless that is null; empty
	 * when the table does not exist.
	 */
	public static List<InvalidIndex> on(Connection connection, String schema, String table, String index)
			throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(ON_TABLE)) {
			ps.setString(1, schema);
			ps.setString(2, table);
			ps.setString(3, schema);
			ps.setString(4, table);
			ps.setString(5, index);
			ps.setString(6, index);
			List<InvalidIndex> found = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					found.add(new InvalidIndex(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
				}
			}
			return List.copyOf(found);
		}
	}

}
