package dev.migsh.core.rehearse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.history.HistoryTable;
import dev.migsh.core.postgres.Identifiers;
import dev.migsh.core.postgres.PostgresErrors;
import dev.migsh.core.rehearse.CopySummary.SampledTable;
import dev.migsh.core.schema.Baseline;
import dev.migsh.core.schema.BaselineScript;
import dev.migsh.core.schema.ScratchDatabase;

/**
 * Fills a scratch database with a copy of the live one: the schema as {@code baseline}
 * writes it, a sample of the rows (before the foreign keys and triggers; rows whose
 * parent is not in the sample are left out), the sequences where the live ones are, and
 * the live history, so that the copy has exactly the live database's pending migrations.
 */
final class ScratchCopy {

	private static final Path FILE = Path.of("the copy of the live schema");

	private static final String SEQUENCES = """
			SELECT schemaname, sequencename, last_value FROM pg_catalog.pg_sequences
			 WHERE last_value IS NOT NULL AND schemaname <> ALL (?)""";

	private static final String SET_SEQUENCE = "SELECT pg_catalog.setval(pg_catalog.format('%I.%I', ?, ?)::regclass, ?)";

	private static final String FOREIGN_KEYS = """
			SELECT cn.nspname, c.relname, pn.nspname, p.relname,
			       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
			             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i),
			       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
			             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)
			  FROM pg_catalog.pg_constraint con
			  JOIN pg_catalog.pg_class c ON c.oid = con.conrelid JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace
			  JOIN pg_catalog.pg_class p ON p.oid = con.confrelid JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
			 WHERE con.contype = 'f' AND con.conparentid = 0 AND cn.nspname <> ALL (?)""";

	private static final String HISTORY_COLUMNS = """
			SELECT a.attname FROM pg_catalog.pg_attribute a
			 WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""";

	// the next rank follows the copied rows, as it does live
	private static final String HISTORY_RANK = """
			SELECT pg_catalog.setval(s, (SELECT coalesce(max(installed_rank), 0) + 1 FROM %s), false)
			  FROM pg_catalog.pg_get_serial_sequence(?, 'installed_rank') s""";

	private final DataSource live;

	private final HistoryTable history;

	private final Set<String> excludedSchemas;

	ScratchCopy(DataSource live, HistoryTable history, Set<String> excludedSchemas) {
		this.live = live;
		this.history = history;
		this.excludedSchemas = excludedSchemas;
	}

	CopySummary fill(ScratchDatabase scratch, RehearsalRequest request, RehearsalListener listener,
			Cancellation cancellation) {
		listener.step("reading the live schema");
		BaselineScript script = Baseline.generate(this.live, this.excludedSchemas);
		List<String> notes = new ArrayList<>();
		script.notRecreated().forEach((o) -> notes.add(o + ": not recreated in the copy"));
		listener.step("building the copy");
		run(scratch, script.beforeData(), cancellation);
		List<String> skipped = new ArrayList<>();
		List<SampledTable> tables;
		try (Connection from = this.live.getConnection(); Connection to = scratch.dataSource().getConnection()) {
			listener.step("copying up to " + request.rows() + " rows per table");
			tables = new SampleData(request.rows(), request.excludeColumns(), this.excludedSchemas).copy(from, to,
					skipped, cancellation);
			leaveOutOrphans(from, to, notes);
			sequences(from, to);
			history(from, to);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not copy the live data into the scratch database", ex,
					"Nothing was changed in the live database; try again with --rows 0 for the schema alone.");
		}
		run(scratch, script.afterData(), cancellation);
		return new CopySummary(scratch.description(), request.rows(), tables, skipped, notes);
	}

	private static void run(ScratchDatabase scratch, List<BaselineScript.Part> parts, Cancellation cancellation) {
		List<SqlStatement> statements = new ArrayList<>();
		statements.add(new SqlStatement("SET LOCAL check_function_bodies = false", 1, 1));
		parts.forEach((p) -> p.statements().forEach((s) -> statements.add(new SqlStatement(s, 1, 1))));
		scratch.run(FILE, statements, true, "Building the copy", cancellation);
	}

	// MATCH SIMPLE: a row with a NULL in its key refers to nothing; a deleted row may
	// orphan its own children, hence the passes
	private void leaveOutOrphans(Connection from, Connection to, List<String> notes) throws SQLException {
		List<String> deletes = new ArrayList<>();
		List<String> children = new ArrayList<>();
		try (PreparedStatement ps = from.prepareStatement(FOREIGN_KEYS)) {
			ps.setArray(1, from.createArrayOf("text", this.excludedSchemas.toArray(String[]::new)));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String[] own = names(rs.getArray(5));
					String[] theirs = names(rs.getArray(6));
					List<String> notNull = new ArrayList<>();
					List<String> equal = new ArrayList<>();
					for (int i = 0; i < own.length; i++) {
						notNull.add("migsh_c." + Identifiers.quote(own[i]) + " IS NOT NULL");
						equal
							.add("migsh_p." + Identifiers.quote(theirs[i]) + " = migsh_c." + Identifiers.quote(own[i]));
					}
					deletes.add("DELETE FROM " + Identifiers.qualified(rs.getString(1), rs.getString(2))
							+ " migsh_c WHERE " + String.join(" AND ", notNull) + " AND NOT EXISTS (SELECT 1 FROM "
							+ Identifiers.qualified(rs.getString(3), rs.getString(4)) + " migsh_p WHERE "
							+ String.join(" AND ", equal) + ")");
					children.add(rs.getString(1) + "." + rs.getString(2));
				}
			}
		}
		Map<String, Long> left = new LinkedHashMap<>();
		boolean deleted = true;
		for (int pass = 0; deleted && pass < 20; pass++) {
			deleted = false;
			try (Statement st = to.createStatement()) {
				for (int i = 0; i < deletes.size(); i++) {
					int count = st.executeUpdate(deletes.get(i));
					if (count > 0) {
						deleted = true;
						left.merge(children.get(i), (long) count, Long::sum);
					}
				}
			}
		}
		left.forEach((table, count) -> notes
			.add(table + ": " + count + " sampled row(s) left out, their parent row is not in the sample"));
	}

	private static String[] names(Array array) throws SQLException {
		return (String[]) array.getArray();
	}

	private void sequences(Connection from, Connection to) throws SQLException {
		try (PreparedStatement ps = from.prepareStatement(SEQUENCES);
				PreparedStatement set = to.prepareStatement(SET_SEQUENCE)) {
			ps.setArray(1, from.createArrayOf("text", this.excludedSchemas.toArray(String[]::new)));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					set.setString(1, rs.getString(1));
					set.setString(2, rs.getString(2));
					set.setLong(3, rs.getLong(3));
					set.executeQuery().close();
				}
			}
		}
	}

	// the live history, row for row: the copy's status is the live status
	private void history(Connection from, Connection to) throws SQLException {
		this.history.create(to);
		List<String> columns = new ArrayList<>();
		try (PreparedStatement ps = from.prepareStatement(HISTORY_COLUMNS)) {
			ps.setString(1, this.history.qualifiedName());
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					columns.add(Identifiers.quote(rs.getString(1)));
				}
			}
		}
		if (columns.isEmpty()) {
			return;
		}
		String list = String.join(", ", columns);
		ByteArrayOutputStream rows = new ByteArrayOutputStream();
		try {
			from.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut("COPY " + this.history.qualifiedName() + " (" + list + ") TO STDOUT", rows);
			to.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + this.history.qualifiedName() + " (" + list + ") FROM STDIN",
						new ByteArrayInputStream(rows.toByteArray()));
		}
		catch (IOException ex) {
			throw new SQLException("could not stream the history: " + ex.getMessage(), ex);
		}
		try (PreparedStatement ps = to.prepareStatement(HISTORY_RANK.formatted(this.history.qualifiedName()))) {
			ps.setString(1, this.history.qualifiedName());
			ps.executeQuery().close();
		}
	}

}
