package dev.migsh.core.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import dev.migsh.core.lint.LintContext;
import dev.migsh.core.lint.TableName;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * What a plan relies on from the live server, read once without taking any lock:
 * {@code server_version_num}, every relation with its estimated size and rows, the names
 * of VOLATILE functions ({@code pg_proc.provolatile}) and the lock_timeout migsh sets for
 * each migration.
 */
public record CatalogFacts(int serverVersionNum, Map<String, RelationStats> relations, Set<String> volatileFunctions,
		long lockTimeoutMillis, List<String> searchPath, Map<String, String> columnTypes,
		Map<String, TableName> indexTables) {

	/** One relation (table, view, index, sequence) as pg_class knows it. */
	public record RelationStats(String schema, String name, String kind, boolean visible, long sizeBytes,
			long rowEstimate) {

		public String qualifiedName() {
			return this.schema + "." + this.name;
		}

	}

	static final String VERSION = "SELECT current_setting('server_version_num')::int";

	// Sizes come from relpages (as of the last VACUUM or ANALYZE), not
	// pg_total_relation_size():
	// that one takes ACCESS SHARE on every relation and would queue behind a migration's
	// lock.
	static final String RELATIONS = """
			SELECT n.nspname, c.relname, c.relkind::text, pg_catalog.pg_table_is_visible(c.oid),
			       ((c.relpages::bigint
			         + coalesce((SELECT t.relpages FROM pg_catalog.pg_class t WHERE t.oid = c.reltoastrelid), 0)
			         + coalesce((SELECT sum(i.relpages) FROM pg_catalog.pg_index x
			                     JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid), 0))
			        * current_setting('block_size')::bigint)::bigint,
			       CASE WHEN c.relkind = 'p' THEN (SELECT coalesce(sum(greatest(l.reltuples, 0)), 0)
			                                         FROM pg_catalog.pg_inherits h
			                                         JOIN pg_catalog.pg_class l ON l.oid = h.inhrelid
			                                         WHERE h.inhparent = c.oid)
			            ELSE c.reltuples END::bigint
			FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'i', 'I', 'S')
			  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'""";

	static final String SEARCH_PATH = "SELECT pg_catalog.current_schemas(false)";

	static final String COLUMNS = """
			SELECT n.nspname, c.relname, pg_catalog.pg_table_is_visible(c.oid), a.attname,
			       pg_catalog.format_type(a.atttypid, a.atttypmod)
			FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
			  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'""";

	static final String INDEXES = """
			SELECT n.nspname, i.relname, pg_catalog.pg_table_is_visible(i.oid), tn.nspname, t.relname
			FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
			JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
			JOIN pg_catalog.pg_class t ON t.oid = x.indrelid JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
			WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'""";

	static final String VOLATILE = "SELECT DISTINCT proname FROM pg_catalog.pg_proc WHERE provolatile = 'v'";

	public CatalogFacts {
		relations = Map.copyOf(relations);
		volatileFunctions = Set.copyOf(volatileFunctions);
		searchPath = List.copyOf(searchPath);
		columnTypes = Map.copyOf(columnTypes);
		indexTables = Map.copyOf(indexTables);
	}

	public static CatalogFacts read(DataSource dataSource, Duration lockTimeout) {
		try (Connection connection = dataSource.getConnection()) {
			return read(connection, lockTimeout);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the catalog", ex, "Check the connection.");
		}
	}

	public static CatalogFacts read(Connection connection, Duration lockTimeout) throws SQLException {
		int version;
		try (PreparedStatement ps = connection.prepareStatement(VERSION); ResultSet rs = ps.executeQuery()) {
			rs.next();
			version = rs.getInt(1);
		}
		Map<String, RelationStats> relations = new HashMap<>();
		try (PreparedStatement ps = connection.prepareStatement(RELATIONS); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				RelationStats stats = new RelationStats(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getBoolean(4), rs.getLong(5), rs.getLong(6));
				relations.put(stats.qualifiedName(), stats);
			}
		}
		Set<String> functions = new HashSet<>();
		try (PreparedStatement ps = connection.prepareStatement(VOLATILE); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				functions.add(rs.getString(1));
			}
		}
		List<String> searchPath = new ArrayList<>();
		try (PreparedStatement ps = connection.prepareStatement(SEARCH_PATH); ResultSet rs = ps.executeQuery()) {
			if (rs.next()) {
				for (Object schema : (Object[]) rs.getArray(1).getArray()) {
					searchPath.add((String) schema);
				}
			}
		}
		Map<String, String> columns = new HashMap<>();
		try (PreparedStatement ps = connection.prepareStatement(COLUMNS); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				String key = rs.getString(2) + "." + rs.getString(4);
				columns.put(rs.getString(1) + "." + key, rs.getString(5));
				if (rs.getBoolean(3)) {
					columns.put(key, rs.getString(5));
				}
			}
		}
		Map<String, TableName> indexes = new HashMap<>();
		try (PreparedStatement ps = connection.prepareStatement(INDEXES); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				TableName table = new TableName(rs.getString(4), rs.getString(5));
				indexes.put(rs.getString(1) + "." + rs.getString(2), table);
				if (rs.getBoolean(3)) {
					indexes.put(rs.getString(2), table);
				}
			}
		}
		return new CatalogFacts(version, relations, functions, lockTimeout.toMillis(), searchPath, columns, indexes);
	}

	/**
	 * The relation a statement names: schema-qualified, or the one the search_path finds.
	 */
	public Optional<RelationStats> find(TableName table) {
		if (table.schema() != null) {
			return Optional.ofNullable(this.relations.get(table.schema() + "." + table.name()));
		}
		return this.relations.values().stream().filter(r -> r.visible() && r.name().equals(table.name())).findFirst();
	}

	/**
	 * The schema holding a relation (the search_path deciding for an unqualified name);
	 * empty for other kinds of object, which these facts do not hold.
	 */
	Optional<String> locate(DbObject object) {
		return switch (object.kind()) {
			case TABLE, INDEX, VIEW, MATERIALIZED_VIEW, SEQUENCE ->
				find(new TableName(object.schema().orElse(null), object.name())).map(RelationStats::schema);
			default -> Optional.empty();
		};
	}

	/**
	 * What the safety rules need: the live version, the tables that exist, live
	 * volatility, the lock_timeout.
	 */
	public LintContext lintContext() {
		Set<String> tables = new HashSet<>();
		for (RelationStats r : this.relations.values()) {
			if (List.of("r", "p", "v", "m", "f").contains(r.kind())) {
				tables.add(r.qualifiedName());
				if (r.visible()) {
					tables.add(r.name());
				}
			}
		}
		Set<String> volatileNames = this.volatileFunctions;
		return LintContext.forServer(this.serverVersionNum)
			.withExistingTables(tables)
			.withDefaultLockTimeout(this.lockTimeoutMillis)
			.withColumnsAndIndexes(this.columnTypes, this.indexTables)
			.withVolatileFunctions(name -> volatileNames.contains(name.toLowerCase(Locale.ROOT))
					|| LintContext.KNOWN_VOLATILE_FUNCTIONS.contains(name.toLowerCase(Locale.ROOT)));
	}

}
