package dev.migsh.core.rehearse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the probe reads on the copy's session, inside the statement's transaction: the
 * relations with their files and sizes, the locks of the session, the rows the
 * transaction read and wrote per table, and what is left invalid.
 */
final class CopyCatalog {

	/** A table or index of the copy as it is at one moment. */
	record Relation(long oid, String name, boolean index, long fileNode, long bytes, long tableOid) {
	}

	/** A lock the session holds. */
	record HeldLock(long oid, String mode) {
	}

	private static final String USER_SCHEMAS = """
			n.nspname <> ALL (?) AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'""";

	private static final String RELATIONS = """
			SELECT c.oid::bigint, n.nspname || '.' || c.relname, c.relkind IN ('i', 'I'), c.relfilenode::bigint,
			       pg_catalog.pg_relation_size(c.oid), coalesce(i.indrelid, c.oid)::bigint
			  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			  LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid
			 WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I') AND\s""" + USER_SCHEMAS;

	private static final String LOCKS = """
			SELECT l.relation::bigint, l.mode FROM pg_catalog.pg_locks l
			 WHERE l.pid = pg_catalog.pg_backend_pid() AND l.locktype = 'relation' AND l.granted
			   AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())""";

	private static final String TUPLES = """
			SELECT relid::bigint, seq_tup_read + coalesce(idx_tup_fetch, 0) + n_tup_ins + n_tup_upd + n_tup_del
			  FROM pg_catalog.pg_stat_xact_user_tables""";

	private static final String LEFT_INVALID = """
			SELECT 'index ' || n.nspname || '.' || c.relname
			  FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
			  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			 WHERE NOT i.indisvalid AND\s""" + USER_SCHEMAS + """

			UNION ALL
			SELECT 'constraint ' || con.conname || ' on ' || n.nspname || '.' || c.relname
			  FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
			  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			 WHERE NOT con.convalidated AND\s""" + USER_SCHEMAS;

	private final String[] excludedSchemas;

	CopyCatalog(Set<String> excludedSchemas) {
		this.excludedSchemas = excludedSchemas.toArray(String[]::new);
	}

	Map<Long, Relation> relations(Connection connection) throws SQLException {
		Map<Long, Relation> relations = new HashMap<>();
		try (PreparedStatement ps = connection.prepareStatement(RELATIONS)) {
			ps.setArray(1, connection.createArrayOf("text", this.excludedSchemas));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					relations.put(rs.getLong(1), new Relation(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
							rs.getLong(4), rs.getLong(5), rs.getLong(6)));
				}
			}
		}
		return relations;
	}

	static Set<HeldLock> locks(Connection connection) throws SQLException {
		Set<HeldLock> locks = new HashSet<>();
		try (PreparedStatement ps = connection.prepareStatement(LOCKS); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				locks.add(new HeldLock(rs.getLong(1), rs.getString(2)));
			}
		}
		return locks;
	}

	static Map<Long, Long> tuples(Connection connection) throws SQLException {
		Map<Long, Long> tuples = new HashMap<>();
		try (PreparedStatement ps = connection.prepareStatement(TUPLES); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				tuples.put(rs.getLong(1), rs.getLong(2));
			}
		}
		return tuples;
	}

	/** Indexes left INVALID and constraints left NOT VALID, each named with its kind. */
	List<String> leftInvalid(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (PreparedStatement ps = connection.prepareStatement(LEFT_INVALID)) {
			ps.setArray(1, connection.createArrayOf("text", this.excludedSchemas));
			ps.setArray(2, connection.createArrayOf("text", this.excludedSchemas));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
		}
		return names;
	}

}
