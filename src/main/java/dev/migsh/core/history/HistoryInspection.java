package dev.migsh.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.migsh.core.postgres.Identifiers;

/**
 * Inspects the history's own tables before anything trusts them: each of history, audit
 * and meta exists (or none does), has its columns, the layout version is a number this
 * release understands, every history row has a known state and its times, and the history
 * holds every row the audit trail says it wrote. Reads only.
 */
public final class HistoryInspection {

	private static final List<String> HISTORY_COLUMNS = List.of("installed_rank", "migration_id", "version", "name",
			"state", "up_checksum", "down_checksum", "verify_checksum", "up_sql", "down_sql", "applied_at", "db_user",
			"os_user", "execution_ms", "statements_total", "statements_done", "error", "failed_statement");

	private static final List<String> LAYOUT_2_COLUMNS = List.of("accepted_up_checksum", "accepted_down_checksum",
			"accepted_verify_checksum", "accepted_up_sql", "accepted_down_sql", "accepted_at", "accepted_by");

	private static final List<String> AUDIT_COLUMNS = List.of("seq", "at", "action", "migration_id", "outcome",
			"db_user", "os_user", "detail");

	private static final List<String> META_COLUMNS = List.of("key", "value");

	private static final String COLUMNS = """
			SELECT a.attname FROM pg_catalog.pg_attribute a
			WHERE a.attrelid = pg_catalog.to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped""";

	private static final String NOT_NULL = "version, name, up_checksum, up_sql, db_user, os_user, execution_ms,"
			+ " statements_total, statements_done";

	private static final String BAD_ROWS = """
			SELECT installed_rank, migration_id, state, applied_at IS NULL, num_nulls(%1$s)
			FROM %2$s.history
			WHERE migration_id IS NULL OR state IS NULL OR state NOT IN ('applied', 'failed', 'marked', 'baseline', 'adopted')
			   OR applied_at IS NULL OR num_nulls(%1$s) > 0
			ORDER BY installed_rank LIMIT 20""";

	// The last change the audit recorded since the last reset for each migration the
	// history has no row for, kept when that change wrote a history row. The history test
	// is made before the per-migration sort (it depends on the migration only), so a
	// healthy history of 10,000 rows sorts nothing.
	private static final String LOST = """
			WITH since AS (SELECT coalesce(max(seq), 0) AS seq FROM %1$s.audit WHERE action = 'reset' AND outcome = 'ok'),
			last AS (
				SELECT DISTINCT ON (a.migration_id) a.migration_id, a.seq, a.at, a.action, a.db_user, a.os_user
				FROM %1$s.audit a
				WHERE a.outcome = 'ok' AND a.migration_id IS NOT NULL AND a.seq > (SELECT seq FROM since)
				  AND a.action IN ('apply', 'mark-applied', 'adopt', 'baseline', 'undo', 'mark-pending') %2$s
				ORDER BY a.migration_id, a.seq DESC)
			SELECT migration_id, seq, at, action, db_user, os_user FROM last
			WHERE action IN ('apply', 'mark-applied', 'adopt', 'baseline')
			ORDER BY seq""";

	private static final String NOT_IN_HISTORY = "AND NOT EXISTS (SELECT FROM %1$s.history h"
			+ " WHERE h.migration_id = a.migration_id)";

	private final HistoryTable history;

	public HistoryInspection(HistoryTable history) {
		this.history = history;
	}

	public HistoryHealth inspect(Connection connection) throws SQLException {
		String schema = Identifiers.quote(this.history.schema());
		Map<String, Set<String>> tables = new LinkedHashMap<>();
		for (String table : List.of("history", "audit", "meta")) {
			tables.put(table, columns(connection, Identifiers.qualified(this.history.schema(), table)));
		}
		if (tables.values().stream().allMatch(Set::isEmpty)) {
			return HistoryHealth.ofFresh();
		}
		List<HistoryHealth.Damage> damages = new ArrayList<>();
		List<String> missingTables = tables.entrySet()
			.stream()
			.filter(e -> e.getValue().isEmpty())
			.map(e -> qualified(e.getKey()))
			.toList();
		if (!missingTables.isEmpty()) {
			damages.add(new HistoryHealth.Damage(
					(missingTables.size() == 1 ? "table " + missingTables.get(0) + " is missing"
							: "tables " + String.join(" and ", missingTables) + " are missing")
							+ " (dropped?) while the others exist",
					"Run `repair --from-audit`: it recreates the missing table(s)"
							+ (tables.get("audit").isEmpty() ? " (the audit trail starts again empty)"
									: " and rebuilds the history rows the audit trail records")
							+ ".",
					true));
		}
		// a table the user may not read is left to the privileges check, which names the
		// GRANT
		Integer layout = tables.get("meta").containsAll(META_COLUMNS) && readable(connection, "meta")
				? layout(connection, schema, damages) : null;
		boolean columnsOk = true;
		for (var table : tables.entrySet()) {
			if (table.getValue().isEmpty()) {
				continue;
			}
			List<String> wanted = new ArrayList<>(switch (table.getKey()) {
				case "history" -> HISTORY_COLUMNS;
				case "audit" -> AUDIT_COLUMNS;
				default -> META_COLUMNS;
			});
			if (table.getKey().equals("history") && layout != null && layout >= 2) {
				wanted.addAll(LAYOUT_2_COLUMNS);
			}
			wanted.removeAll(table.getValue());
			if (!wanted.isEmpty()) {
				columnsOk = false;
				damages.add(
						new HistoryHealth.Damage(
								qualified(table.getKey()) + " lacks column(s) " + String.join(", ", wanted),
								"Restore " + qualified(table.getKey())
										+ " from a backup: migsh will not guess what the missing column(s) held.",
								false));
			}
		}
		boolean historyOk = !tables.get("history").isEmpty() && tables.get("history").containsAll(HISTORY_COLUMNS);
		boolean historyReadable = tables.get("history").isEmpty() || readable(connection, "history");
		if (historyOk && historyReadable) {
			badRows(connection, schema, damages);
		}
		List<HistoryHealth.LostRow> lost = List.of();
		if (tables.get("audit").containsAll(AUDIT_COLUMNS) && (historyOk || tables.get("history").isEmpty())
				&& columnsOk && historyReadable && readable(connection, "audit")) {
			lost = lostRows(connection, schema, !tables.get("history").isEmpty());
			if (!lost.isEmpty()) {
				damages.add(new HistoryHealth.Damage(
						"the audit trail records " + lost.size()
								+ " migration(s) as applied that the history has no row for: "
								+ String.join(", ", lost.stream().limit(10).map(HistoryHealth.LostRow::id).toList())
								+ (lost.size() > 10 ? ", …" : "") + " (rows deleted or the table dropped?)",
						"Run `repair --from-audit`: it rebuilds those rows from the audit trail after a preview,"
								+ " so no migration runs twice.",
						true));
			}
		}
		return new HistoryHealth(false, missingTables, damages, lost);
	}

	private Integer layout(Connection connection, String schema, List<HistoryHealth.Damage> damages)
			throws SQLException {
		String fix = "UPDATE " + qualified("meta") + " SET value = '" + HistoryTable.LAYOUT_VERSION
				+ "' WHERE key = 'layout_version'";
		try (PreparedStatement ps = connection
			.prepareStatement("SELECT value FROM " + schema + ".meta WHERE key = 'layout_version'");
				ResultSet rs = ps.executeQuery()) {
			if (!rs.next()) {
				damages.add(new HistoryHealth.Damage(qualified("meta") + " has no layout_version",
						"Run `repair --from-audit`: it records the layout again.", true));
				return null;
			}
			String value = rs.getString(1);
			int layout;
			try {
				layout = Integer.parseInt(value == null ? "" : value.trim());
			}
			catch (NumberFormatException ex) {
				damages.add(new HistoryHealth.Damage(
						qualified("meta") + " says layout_version is '" + printable(value) + "', not a number",
						"If the history has the accepted_* columns, set it back: " + fix
								+ (HistoryTable.LAYOUT_VERSION > 1 ? " (else '1')" : "") + ".",
						false));
				return null;
			}
			if (layout > HistoryTable.LAYOUT_VERSION) {
				damages.add(new HistoryHealth.Damage(
						"the history has layout " + layout + ", newer than this migsh understands ("
								+ HistoryTable.LAYOUT_VERSION + ")",
						"Use the migsh release that wrote it, or a newer one.", false));
			}
			else if (layout < 1) {
				damages.add(new HistoryHealth.Damage(qualified("meta") + " says layout_version is " + layout,
						"Set it back: " + fix + ".", false));
			}
			return layout;
		}
	}

	private void badRows(Connection connection, String schema, List<HistoryHealth.Damage> damages) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(BAD_ROWS.formatted(NOT_NULL, schema));
				ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				String id = rs.getString(2);
				String state = rs.getString(3);
				String row = id == null ? "the history row ranked " + rs.getLong(1) : "the history row of " + id;
				String where = id == null ? "installed_rank = " + rs.getLong(1) : "migration_id = " + literal(id);
				if (id == null) {
					damages.add(new HistoryHealth.Damage(row + " has no migration_id",
							"Delete it (DELETE FROM " + qualified("history") + " WHERE " + where
									+ "), then run `repair --from-audit` to rebuild what the audit trail records.",
							false));
				}
				else if (state == null || !known(state)) {
					damages.add(new HistoryHealth.Damage(
							row + " has state " + (state == null ? "NULL" : "'" + printable(state) + "'")
									+ ", which migsh does not know (applied, failed, marked, baseline, adopted)",
							"Set what happened: UPDATE " + qualified("history") + " SET state = 'applied' WHERE "
									+ where + "; or delete the row and run `repair --from-audit`.",
							false));
				}
				if (rs.getBoolean(4)) {
					damages.add(
							new HistoryHealth.Damage(row + " has no applied_at (NULL)",
									"Set when it ran (the `history` command shows the audit's time): UPDATE "
											+ qualified("history") + " SET applied_at = '…' WHERE " + where + ".",
									false));
				}
				if (rs.getInt(5) > 0) {
					damages.add(new HistoryHealth.Damage(
							row + " has NULL in " + rs.getInt(5) + " column(s) migsh always fills (" + NOT_NULL + ")",
							"Delete it and run `repair --from-audit` to rebuild it from the audit trail and the file.",
							false));
				}
			}
		}
	}

	private List<HistoryHealth.LostRow> lostRows(Connection connection, String schema, boolean historyExists)
			throws SQLException {
		List<HistoryHealth.LostRow> lost = new ArrayList<>();
		String sql = LOST.formatted(schema, historyExists ? NOT_IN_HISTORY.formatted(schema) : "");
		try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				HistoryState state = switch (rs.getString(4)) {
					case "mark-applied" -> HistoryState.MARKED;
					case "adopt" -> HistoryState.ADOPTED;
					case "baseline" -> HistoryState.BASELINE;
					default -> HistoryState.APPLIED;
				};
				lost.add(new HistoryHealth.LostRow(rs.getString(1), state, rs.getTimestamp(3).toInstant(),
						rs.getString(5), rs.getString(6), rs.getLong(2)));
			}
		}
		return lost;
	}

	private static Set<String> columns(Connection connection, String table) throws SQLException {
		Set<String> columns = new TreeSet<>();
		try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
			ps.setString(1, table);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1));
				}
			}
		}
		return columns;
	}

	private boolean readable(Connection connection, String table) throws SQLException {
		try (PreparedStatement ps = connection
			.prepareStatement("SELECT pg_catalog.has_table_privilege(pg_catalog.to_regclass(?), 'SELECT')")) {
			ps.setString(1, qualified(table));
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private static boolean known(String state) {
		for (HistoryState s : HistoryState.values()) {
			if (s.word().equals(state)) {
				return true;
			}
		}
		return false;
	}

	private String qualified(String table) {
		return Identifiers.qualified(this.history.schema(), table);
	}

	private static String literal(String text) {
		return "'" + printable(text).replace("'", "''") + "'";
	}

	/**
	 * Control characters as \\uXXXX: values read from a damaged table are not trusted.
	 */
	private static String printable(String text) {
		if (text == null) {
			return "NULL";
		}
		StringBuilder sb = new StringBuilder();
		text.codePoints().forEach(c -> {
			if (Character.isISOControl(c)) {
				sb.append(String.format("\\u%04x", c));
			}
			else {
				sb.appendCodePoint(c);
			}
		});
		String out = sb.toString();
		return out.length() > 60 ? out.substring(0, 60) + "…" : out;
	}

}
