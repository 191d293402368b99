package dev.migsh.core.schema;

/**
 * The catalog queries behind {@code describe}, modelled on psql's own \d queries so the
 * facts match. Each takes the relation's oid as a bind parameter; they work on PostgreSQL
 * 13 to 18 (pg_trigger.tgparentid needs 13; pg_inherits.inhdetachpending, 14, has its own
 * variants).
 */
final class DescribeQueries {

	static final String SERVER_VERSION = "SELECT current_setting('server_version_num')::int";

	/**
	 * Parsed by PostgreSQL itself, so quoting and search_path resolution are the
	 * server's.
	 */
	static final String RESOLVE = "SELECT to_regclass(?)::oid::bigint";

	/**
	 * Size and row estimate of relation {@code c}; a partitioned table gets the totals of
	 * its partitions, a view none. Shared by describe and the table list.
	 */
	static final String SIZE_AND_ROWS = """
			       CASE WHEN c.relkind = 'p' THEN
			           (SELECT coalesce(sum(pg_catalog.pg_total_relation_size(t.relid)), 0)
			              FROM pg_catalog.pg_partition_tree(c.oid) t)
			            WHEN c.relkind IN ('r', 'm') THEN pg_catalog.pg_total_relation_size(c.oid)
			            ELSE 0 END::bigint AS size_bytes,
			       CASE WHEN c.relkind IN ('v', 'f') THEN -1
			            WHEN c.relkind = 'p' THEN
			           (SELECT CASE WHEN bool_or(l.reltuples >= 0) THEN sum(greatest(l.reltuples, 0)) ELSE -1 END
			              FROM pg_catalog.pg_partition_tree(c.oid) t
			              JOIN pg_catalog.pg_class l ON l.oid = t.relid
			             WHERE t.isleaf)
			            ELSE c.reltuples END::bigint AS row_estimate
			""";

	static final String RELATION = """
			SELECT n.nspname, c.relname, c.relkind, c.relpersistence = 'u' AS unlogged,
			       c.relrowsecurity, c.relforcerowsecurity, c.relispartition,
			       CASE WHEN c.reloftype <> 0 THEN c.reloftype::pg_catalog.regtype::text END AS of_type,
			       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
			       CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END AS view_definition,
			       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
			""" + SIZE_AND_ROWS + """
			  FROM pg_catalog.pg_class c
			  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			 WHERE c.oid = ?::oid
			""";

	/** Collation only when it differs from the type's, as psql shows it. */
	static final String COLUMNS = """
			SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
			       (SELECT co.collname FROM pg_catalog.pg_collation co, pg_catalog.pg_type t
			         WHERE co.oid = a.attcollation AND t.oid = a.atttypid
			           AND a.attcollation <> t.typcollation) AS collation,
			       a.attnotnull, a.attidentity::text AS identity, a.attgenerated::text AS generated,
			       pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) AS default_expression,
			       pg_catalog.col_description(a.attrelid, a.attnum) AS comment
			  FROM pg_catalog.pg_attribute a
			  LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			 WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped
			 ORDER BY a.attnum
			""";

	static final String INDEXES = """
			SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, i.indisreplident,
			       pg_catalog.pg_get_indexdef(i.indexrelid, 0, true) AS definition,
			       con.contype::text AS contype, pg_catalog.pg_get_constraintdef(con.oid, true) AS condef,
			       coalesce(con.condeferrable, false) AS condeferrable,
			       coalesce(con.condeferred, false) AS condeferred,
			       (SELECT spcname FROM pg_catalog.pg_tablespace WHERE oid = c2.reltablespace) AS tablespace
			  FROM pg_catalog.pg_index i
			  JOIN pg_catalog.pg_class c2 ON c2.oid = i.indexrelid
			  LEFT JOIN pg_catalog.pg_constraint con
			         ON con.conrelid = i.indrelid AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x')
			 WHERE i.indrelid = ?::oid
			 ORDER BY i.indisprimary DESC, c2.relname
			""";

	/**
	 * Not-null constraints (contype 'n', PostgreSQL 18) are shown as column facts
	 * instead.
	 */
	static final String CONSTRAINTS = """
			SELECT r.conname, r.contype::text AS contype, pg_catalog.pg_get_constraintdef(r.oid, true) AS definition,
			       r.convalidated, r.condeferrable, r.condeferred, NULL AS defined_on,
			       pg_catalog.obj_description(r.oid, 'pg_constraint') AS comment
			  FROM pg_catalog.pg_constraint r
			 WHERE r.conrelid = ?::oid AND r.contype IN ('c', 'p', 'u', 'x')
			 ORDER BY r.conname
			""";

	/**
	 * Own foreign keys first, then those declared on a partition ancestor, as psql lists
	 * them. pg_partition_ancestors returns nothing for a table outside a partition tree.
	 */
	static final String FOREIGN_KEYS = """
			SELECT r.conname, r.contype::text AS contype, pg_catalog.pg_get_constraintdef(r.oid, true) AS definition,
			       r.convalidated, r.condeferrable, r.condeferred,
			       CASE WHEN r.conrelid <> ?::oid THEN r.conrelid::pg_catalog.regclass::text END AS defined_on,
			       pg_catalog.obj_description(r.oid, 'pg_constraint') AS comment
			  FROM pg_catalog.pg_constraint r
			 WHERE r.conrelid IN (SELECT relid FROM pg_catalog.pg_partition_ancestors(?::oid) UNION SELECT ?::oid)
			   AND r.contype = 'f' AND r.conparentid = 0
			 ORDER BY r.conrelid = ?::oid DESC, r.conname
			""";

	static final String REFERENCED_BY = """
			SELECT c.conrelid::pg_catalog.regclass::text AS on_table, c.conname,
			       pg_catalog.pg_get_constraintdef(c.oid, true) AS definition
			  FROM pg_catalog.pg_constraint c
			 WHERE c.confrelid IN (SELECT pg_catalog.pg_partition_root(?::oid)::oid UNION ALL SELECT ?::oid)
			   AND c.contype = 'f' AND c.conparentid = 0
			 ORDER BY c.conname
			""";

	/**
	 * Internal triggers only when psql shows them too: disabled, or tied to another
	 * trigger.
	 */
	static final String TRIGGERS = """
			SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true) AS definition, t.tgenabled::text AS enabled,
			       t.tgisinternal,
			       CASE WHEN t.tgparentid <> 0 THEN
			           (SELECT u.tgrelid::pg_catalog.regclass::text
			              FROM pg_catalog.pg_trigger u,
			                   pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)
			             WHERE u.tgname = t.tgname AND u.tgrelid = a.relid AND u.tgparentid = 0
			             ORDER BY a.depth LIMIT 1)
			       END AS parent
			  FROM pg_catalog.pg_trigger t
			 WHERE t.tgrelid = ?::oid
			   AND (NOT t.tgisinternal OR t.tgenabled = 'D'
			        OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend
			                    WHERE objid = t.oid AND refclassid = 'pg_catalog.pg_trigger'::pg_catalog.regclass))
			 ORDER BY t.tgname
			""";

	static final String POLICIES = """
			SELECT pol.polname, pol.polpermissive,
			       CASE WHEN pol.polroles = '{0}' THEN NULL
			            ELSE pg_catalog.array_to_string(array(SELECT rolname FROM pg_catalog.pg_roles
			                                                   WHERE oid = ANY (pol.polroles) ORDER BY 1), ',')
			       END AS roles,
			       pg_catalog.pg_get_expr(pol.polqual, pol.polrelid) AS using_expression,
			       pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid) AS check_expression,
			       CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
			                       WHEN 'd' THEN 'DELETE' END AS command
			  FROM pg_catalog.pg_policy pol
			 WHERE pol.polrelid = ?::oid
			 ORDER BY 1
			""";

	static final String STATISTICS = """
			SELECT n.nspname, s.stxname, pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition
			  FROM pg_catalog.pg_statistic_ext s
			  JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
			 WHERE s.stxrelid = ?::oid
			 ORDER BY s.oid
			""";

	static final String PUBLICATIONS = """
			SELECT DISTINCT pubname FROM pg_catalog.pg_publication_tables
			 WHERE schemaname = ? AND tablename = ?
			 ORDER BY 1
			""";

	static final String FOREIGN_TABLE = """
			SELECT s.srvname,
			       pg_catalog.array_to_string(ARRAY(
			           SELECT pg_catalog.quote_ident(option_name) || ' ' || pg_catalog.quote_literal(option_value)
			             FROM pg_catalog.pg_options_to_table(ft.ftoptions)), ', ') AS options
			  FROM pg_catalog.pg_foreign_table ft
			  JOIN pg_catalog.pg_foreign_server s ON s.oid = ft.ftserver
			 WHERE ft.ftrelid = ?::oid
			""";

	/** Partition parents are reported as "Partition of", not as inheritance. */
	static final String INHERITS = """
			SELECT c.oid::pg_catalog.regclass::text
			  FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
			 WHERE c.oid = i.inhparent AND i.inhrelid = ?::oid AND c.relkind NOT IN ('p', 'I')
			 ORDER BY i.inhseqno
			""";

	static final String PARTITION_OF = """
			SELECT i.inhparent::pg_catalog.regclass::text AS parent,
			       pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound, %s AS detach_pending
			  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON c.oid = i.inhrelid
			 WHERE c.oid = ?::oid
			""";

	static final String CHILDREN = """
			SELECT c.oid::pg_catalog.regclass::text AS name, c.relkind::text AS relkind, %s AS detach_pending,
			       pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound
			  FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
			 WHERE c.oid = i.inhrelid AND i.inhparent = ?::oid
			 ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.oid::pg_catalog.regclass::text
			""";

	static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '5s'";

	private DescribeQueries() {
	}

	/** pg_inherits.inhdetachpending exists from PostgreSQL 14. */
	static String withDetachPending(String query, int serverVersion) {
		return query.formatted(serverVersion >= 140000 ? "i.inhdetachpending" : "false");
	}

}
