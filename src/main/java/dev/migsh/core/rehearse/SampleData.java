package dev.migsh.core.rehearse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.postgres.Identifiers;
import dev.migsh.core.postgres.PostgresErrors;
import dev.migsh.core.rehearse.CopySummary.SampledTable;
import dev.migsh.core.schema.OperationCancelledException;

/**
 * Copies up to N rows of every live table into the copy, in PostgreSQL's text format so
 * that every type (enums, arrays, ranges) arrives as the live database wrote it. Columns
 * matching the exclusion pattern are not copied: NULL when nullable, else a fake value of
 * their type (numbered, so that unique keys still hold), or the table is skipped with the
 * reason. Generated columns are left to the copy to compute.
 */
final class SampleData {

	private static final String TABLES = """
			SELECT c.oid::bigint, n.nspname, c.relname, c.reltuples::bigint
			  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			 WHERE c.relkind = 'r' AND c.relpersistence <> 't' AND n.nspname <> ALL (?)
			   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
			   AND n.nspname NOT LIKE 'pg\\_temp%'
			   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass
			                   AND d.objid = c.oid AND d.deptype = 'e')
			 ORDER BY 2, 3""";

	private static final String COLUMNS = """
			SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, t.typcategory::text,
			       t.typname
			  FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
			 WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
			 ORDER BY a.attnum""";

	private record Column(String name, String type, boolean notNull, String category, String typeName) {
	}

	private final int rows;

	private final Optional<Pattern> exclude;

	private final Set<String> excludedSchemas;

	SampleData(int rows, Optional<Pattern> exclude, Set<String> excludedSchemas) {
		this.rows = rows;
		this.exclude = exclude;
		this.excludedSchemas = excludedSchemas;
	}

	/**
	 * Copies the sample; tables it could not copy are added to {@code skipped} with the
	 * reason.
	 */
	List<SampledTable> copy(Connection live, Connection copy, List<String> skipped, Cancellation cancellation)
			throws SQLException {
		List<SampledTable> tables = new ArrayList<>();
		CopyManager from = live.unwrap(PGConnection.class).getCopyAPI();
		CopyManager to = copy.unwrap(PGConnection.class).getCopyAPI();
		try (PreparedStatement ps = live.prepareStatement(TABLES)) {
			ps.setArray(1, live.createArrayOf("text", this.excludedSchemas.toArray(String[]::new)));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					if (cancellation.isCancelled()) {
						throw new OperationCancelledException("The rehearsal");
					}
					String qualified = Identifiers.qualified(rs.getString(2), rs.getString(3));
					String name = rs.getString(2) + "." + rs.getString(3);
					List<Column> columns = columns(live, rs.getLong(1));
					List<String> excluded = new ArrayList<>();
					List<String> select = new ArrayList<>();
					String problem = null;
					for (Column column : columns) {
						if (!excluded(rs.getString(3), column.name())) {
							select.add(Identifiers.quote(column.name()));
							continue;
						}
						excluded.add(column.name());
						String fake = column.notNull() ? fake(column) : "NULL::" + column.type();
						if (fake == null) {
							problem = name + ": column " + column.name() + " is excluded and NOT NULL, and migsh"
									+ " has no fake value of type " + column.type() + "; its rows were not copied";
							break;
						}
						select.add(fake);
					}
					long copied = 0;
					if (problem == null && this.rows > 0 && !columns.isEmpty()) {
						String list = String.join(", ",
								columns.stream().map((c) -> Identifiers.quote(c.name())).toList());
						try {
							copied = copyRows(from, to, copy, qualified, list, String.join(", ", select));
						}
						catch (SQLException ex) {
							problem = name + ": its rows could not be copied (" + PostgresErrors.describe(ex).summary()
									+ ")";
						}
					}
					if (problem != null) {
						skipped.add(problem);
					}
					tables.add(new SampledTable(name, copied, rs.getLong(4), excluded));
				}
			}
		}
		return tables;
	}

	private long copyRows(CopyManager from, CopyManager to, Connection copy, String table, String columns,
			String select) throws SQLException {
		ByteArrayOutputStream rows = new ByteArrayOutputStream();
		try {
			from.copyOut("COPY (SELECT " + select + " FROM ONLY " + table + " LIMIT " + this.rows + ") TO STDOUT",
					rows);
			boolean autoCommit = copy.getAutoCommit();
			copy.setAutoCommit(false);
			try {
				long copied = to.copyIn("COPY " + table + " (" + columns + ") FROM STDIN",
						new ByteArrayInputStream(rows.toByteArray()));
				copy.commit();
				return copied;
			}
			catch (SQLException ex) {
				copy.rollback();
				throw ex;
			}
			finally {
				copy.setAutoCommit(autoCommit);
			}
		}
		catch (IOException ex) {
			throw new SQLException("could not stream the rows: " + ex.getMessage(), ex);
		}
	}

	private boolean excluded(String table, String column) {
		return this.exclude.map((p) -> p.matcher(column).matches() || p.matcher(table + "." + column).matches())
			.orElse(false);
	}

	// numbered where a unique key may hold the column; the type's own cast keeps it valid
	private static String fake(Column column) {
		String n = "row_number() OVER ()";
		String value = switch (column.category()) {
			case "S" -> "('redacted-' || " + n + ")";
			case "N" -> n;
			case "B" -> "false";
			case "D" -> "'epoch'::timestamptz";
			default -> column.typeName().toLowerCase(Locale.ROOT).equals("uuid") ? "md5(" + n + "::text)::uuid" : null;
		};
		return (value == null) ? null : "(" + value + ")::" + column.type();
	}

	private static List<Column> columns(Connection live, long oid) throws SQLException {
		List<Column> columns = new ArrayList<>();
		try (PreparedStatement ps = live.prepareStatement(COLUMNS)) {
			ps.setLong(1, oid);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					columns.add(new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
							rs.getString(5)));
				}
			}
		}
		return columns;
	}

}
