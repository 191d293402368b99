package dev.migsh.core.schema;

/**
 * The catalog queries {@link DdlReader} turns into DDL. Each takes one bind parameter,
 * the text[] of schemas to leave out, and runs with search_path = pg_catalog so that
 * every name comes out schema-qualified and quoted as needed, exactly as
 * {@link SnapshotQueries} names objects. Literals (comments, enum labels) are quoted by
 * the server. PostgreSQL 13 or later: a catalog column only newer majors have (a range's
 * multirange, from 14) is read through to_jsonb, so one query serves every major.
 */
final class DdlQueries {

	static final String NS = """
			WITH ns AS (
			  SELECT n.oid, n.nspname FROM pg_namespace n
			   WHERE n.nspname <> ALL (?::text[]) AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			     AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
			     AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_namespace'::regclass
			                        AND e.objid = n.oid AND e.deptype = 'e'))
			""";

	private static String notInExtension(String catalog, String oid) {
		return " NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = "
				+ oid + " AND e.deptype = 'e') ";
	}

	private static final String QNAME = " quote_ident(ns.nspname) || '.' || quote_ident(c.relname) ";

	private static final String COLLATION = """
			(SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
			   FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
			  WHERE co.oid = %1$s AND %1$s <> (SELECT ty.typcollation FROM pg_type ty WHERE ty.oid = %2$s))""";

	static final String SCHEMAS = NS + """
			SELECT quote_ident(ns.nspname) AS name, ns.nspname = 'public' AS is_public,
			       quote_literal(obj_description(ns.oid, 'pg_namespace')) AS comment
			  FROM ns ORDER BY ns.nspname
			""";

	static final String EXTENSIONS = NS
			+ """
					SELECT quote_ident(x.extname) AS name, quote_ident(n.nspname) AS schema, quote_literal(x.extversion) AS version
					  FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
					 WHERE (n.nspname = 'pg_catalog' OR n.oid IN (SELECT oid FROM ns)) AND x.extname <> 'plpgsql'
					 ORDER BY x.oid
					""";

	static final String TYPES = NS + """
			SELECT t.oid, quote_ident(ns.nspname) || '.' || quote_ident(t.typname) AS name, t.typtype::text AS kind,
			       (SELECT string_agg(quote_literal(l.enumlabel), ', ' ORDER BY l.enumsortorder)
			          FROM pg_enum l WHERE l.enumtypid = t.oid) AS labels,
			       (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
			                          || coalesce(' COLLATE ' ||\s"""
			+ COLLATION.formatted("a.attcollation", "a.atttypid") + """
					, ''), ', ' ORDER BY a.attnum)
					          FROM pg_attribute a
					         WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0
					           AND NOT a.attisdropped) AS attributes,
					       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
					       CASE WHEN t.typtype = 'd' THEN\s""" + COLLATION.formatted("t.typcollation", "t.typbasetype")
			+ """
					END AS collation,
					      t.typdefault AS default, t.typnotnull AS not_null,
					      (SELECT string_agg(' CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid),
					                         '' ORDER BY k.conname)
					         FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated) AS checks,
					      (SELECT array_agg('ALTER DOMAIN ' || quote_ident(ns.nspname) || '.' || quote_ident(t.typname)
					                        || ' ADD CONSTRAINT ' || quote_ident(k.conname) || ' '
					                        || pg_get_constraintdef(k.oid) ORDER BY k.conname)
					         FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'
					          AND NOT k.convalidated) AS unvalidated_checks,
					      format_type(r.rngsubtype, NULL) AS subtype,
					      CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS subtype_diff,
					      CASE WHEN (to_jsonb(r) ->> 'rngmultitypid')::oid <> 0
					            THEN format_type((to_jsonb(r) ->> 'rngmultitypid')::oid, NULL) END AS multirange,
					      CASE WHEN r.rngcollation <> 0 THEN """
			+ COLLATION.formatted("r.rngcollation", "r.rngsubtype") + """
					END AS range_collation,
					      quote_literal(obj_description(t.oid, 'pg_type')) AS comment
					 FROM pg_type t
					 JOIN ns ON ns.oid = t.typnamespace
					 LEFT JOIN pg_range r ON r.rngtypid = t.oid
					WHERE t.typtype IN ('e', 'd', 'c', 'r')
					  AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
					  AND\s""" + notInExtension("pg_type", "t.oid") + " ORDER BY 2";

	static final String FUNCTIONS = NS + """
			SELECT p.oid, quote_ident(ns.nspname) || '.' || quote_ident(p.proname)
			       || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
			       CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END AS keyword,
			       p.oid::regprocedure::text AS signature,
			       pg_get_functiondef(p.oid) AS definition,
			       quote_literal(obj_description(p.oid, 'pg_proc')) AS comment
			  FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
			 WHERE p.prokind IN ('f', 'p', 'w') AND\s""" + notInExtension("pg_proc", "p.oid") + """
			  AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid
			                     AND i.deptype = 'i')
			ORDER BY 2""";

	static final String SEQUENCES = NS + "SELECT c.oid, " + QNAME + """
			AS name,
			      format_type(s.seqtypid, NULL) AS type, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
			      s.seqcycle, c.relpersistence = 'u' AS unlogged,
			      (SELECT d.refobjid::regclass::text || '.' || quote_ident(a.attname)
			         FROM pg_depend d
			         JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
			        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			          AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a') AS owned_by,
			      quote_literal(obj_description(c.oid, 'pg_class')) AS comment
			 FROM pg_sequence s
			 JOIN pg_class c ON c.oid = s.seqrelid
			 JOIN ns ON ns.oid = c.relnamespace
			WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			                     AND d.deptype = 'i')
			  AND\s""" + notInExtension("pg_class", "c.oid") + " ORDER BY 2";

	static final String TABLES = NS + "SELECT c.oid, " + QNAME
			+ """
					AS name, c.relkind::text AS kind, c.relpersistence = 'u' AS unlogged,
					      c.relispartition AS is_partition,
					      CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
					      CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
					      (SELECT string_agg(i.inhparent::text, ',' ORDER BY i.inhseqno)
					         FROM pg_inherits i WHERE i.inhrelid = c.oid) AS parent_oids,
					      (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno)
					         FROM pg_inherits i WHERE i.inhrelid = c.oid) AS parents,
					      (SELECT string_agg(quote_ident(split_part(o, '=', 1)) || '=' || quote_literal(substr(o, strpos(o, '=') + 1)),
					                         ', ') FROM unnest(c.reloptions) o) AS options,
					      c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
					      c.relreplident::text AS replica_identity,
					      CASE WHEN c.reloftype <> 0 THEN format_type(c.reloftype, NULL) END AS of_type,
					      (SELECT quote_ident(fs.srvname) FROM pg_foreign_table ft JOIN pg_foreign_server fs ON fs.oid = ft.ftserver
					        WHERE ft.ftrelid = c.oid) AS server,
					      (SELECT\s"""
			+ SupportDdlQueries.options("ft.ftoptions") + """
					         FROM pg_foreign_table ft WHERE ft.ftrelid = c.oid) AS server_options,
					      quote_literal(obj_description(c.oid, 'pg_class')) AS comment
					 FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
					WHERE c.relkind IN ('r', 'p', 'f') AND\s""" + notInExtension("pg_class", "c.oid") + " ORDER BY 2";

	static final String COLUMNS = NS
			+ """
					SELECT a.attrelid AS table_oid, quote_ident(a.attname) AS name, format_type(a.atttypid, a.atttypmod) AS type,
					       a.attnotnull AS not_null, a.attislocal AS local,
					       CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default,
					       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END AS generated,
					       a.attgenerated::text AS generation, a.attidentity::text AS identity,
					      \s"""
			+ COLLATION.formatted("a.attcollation", "a.atttypid")
			+ """
					AS collation,
					      idseq.name AS identity_sequence, idseq.seqstart, idseq.seqincrement, idseq.seqmin, idseq.seqmax,
					      idseq.seqcache, idseq.seqcycle,
					      (SELECT\s"""
			+ SupportDdlQueries.options("a.attfdwoptions")
			+ """
					      ) AS fdw_options,
					      CASE WHEN a.attstorage <> (SELECT ty.typstorage FROM pg_type ty WHERE ty.oid = a.atttypid)
					           THEN CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN'
					                                  ELSE 'EXTENDED' END END AS storage,
					      CASE to_jsonb(a) ->> 'attcompression' WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END AS compression,
					      nullif((to_jsonb(a) ->> 'attstattarget')::int, -1) AS statistics,
					      quote_literal(col_description(a.attrelid, a.attnum)) AS comment
					 FROM pg_attribute a
					 JOIN pg_class c ON c.oid = a.attrelid
					 JOIN ns ON ns.oid = c.relnamespace
					 LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
					 LEFT JOIN LATERAL (
					   SELECT quote_ident(sn.nspname) || '.' || quote_ident(sc.relname) AS name, s.*
					     FROM pg_depend dd
					     JOIN pg_class sc ON sc.oid = dd.objid
					     JOIN pg_namespace sn ON sn.oid = sc.relnamespace
					     JOIN pg_sequence s ON s.seqrelid = sc.oid
					    WHERE a.attidentity <> '' AND dd.classid = 'pg_class'::regclass AND dd.refclassid = 'pg_class'::regclass
					      AND dd.refobjid = a.attrelid AND dd.refobjsubid = a.attnum AND dd.deptype = 'i') idseq ON true
					WHERE c.relkind IN ('r', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped
					  AND\s"""
			+ notInExtension("pg_class", "c.oid") + " ORDER BY a.attrelid, a.attnum";

	static final String CONSTRAINTS = NS + "SELECT c.oid AS table_oid, " + QNAME + """
			AS table_name, c.relkind::text AS table_kind,
			      quote_ident(k.conname) AS name, k.contype::text AS type, pg_get_constraintdef(k.oid) AS definition,
			      k.convalidated AS validated, k.conislocal AS local, k.conparentid <> 0 AS cloned,
			      quote_literal(obj_description(k.oid, 'pg_constraint')) AS comment
			 FROM pg_constraint k
			 JOIN pg_class c ON c.oid = k.conrelid
			 JOIN ns ON ns.oid = c.relnamespace
			WHERE k.contype IN ('p', 'u', 'c', 'f', 'x') AND\s""" + notInExtension("pg_class", "c.oid")
			+ " ORDER BY 2, k.conname";

	static final String INDEXES = NS
			+ """
					SELECT quote_ident(ns.nspname) || '.' || quote_ident(ic.relname) AS name, i.indexrelid::regclass::text AS sql_name,
					      \s"""
			+ QNAME
			+ """
					AS table_name, pg_get_indexdef(i.indexrelid) AS definition, i.indisvalid AS valid,
					      i.indisclustered AS clustered, i.indisreplident AS replica_identity,
					      EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
					                 AND k.contype IN ('p', 'u', 'x')) AS for_constraint,
					      (SELECT h.inhparent::regclass::text FROM pg_inherits h WHERE h.inhrelid = i.indexrelid) AS parent_index,
					      (SELECT count(*) FROM pg_partition_ancestors(i.indexrelid))::int AS depth,
					      quote_literal(obj_description(i.indexrelid, 'pg_class')) AS comment
					 FROM pg_index i
					 JOIN pg_class ic ON ic.oid = i.indexrelid
					 JOIN pg_class c ON c.oid = i.indrelid
					 JOIN ns ON ns.oid = c.relnamespace
					WHERE c.relkind IN ('r', 'p', 'm') AND\s"""
			+ notInExtension("pg_class", "c.oid") + " ORDER BY 1";

	static final String VIEWS = NS + "SELECT c.oid, " + QNAME
			+ """
					AS name, c.relkind::text AS kind, pg_get_viewdef(c.oid) AS definition,
					      (SELECT string_agg(quote_ident(split_part(o, '=', 1)) || '=' || quote_literal(substr(o, strpos(o, '=') + 1)),
					                         ', ') FROM unnest(c.reloptions) o WHERE o NOT LIKE 'check\\_option=%') AS options,
					      (SELECT upper(substr(o, 14)) FROM unnest(c.reloptions) o WHERE o LIKE 'check\\_option=%') AS check_option,
					      c.relispopulated AS populated,
					      quote_literal(obj_description(c.oid, 'pg_class')) AS comment,
					      (SELECT array_agg('COMMENT ON COLUMN ' ||\s"""
			+ QNAME + """
					|| '.' || quote_ident(a.attname) || ' IS '
					                         || quote_literal(ds.description) ORDER BY a.attnum)
					          FROM pg_attribute a
					          JOIN pg_description ds ON ds.classoid = 'pg_class'::regclass AND ds.objoid = a.attrelid
					                                AND ds.objsubid = a.attnum
					         WHERE a.attrelid = c.oid) AS column_comments
					  FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
					 WHERE c.relkind IN ('v', 'm') AND\s""" + notInExtension("pg_class", "c.oid") + " ORDER BY 2";

	static final String TRIGGERS = NS + "SELECT " + QNAME + """
			AS table_name, quote_ident(t.tgname) AS name, pg_get_triggerdef(t.oid) AS definition,
			      t.tgenabled::text AS enabled, quote_literal(obj_description(t.oid, 'pg_trigger')) AS comment
			 FROM pg_trigger t
			 JOIN pg_class c ON c.oid = t.tgrelid
			 JOIN ns ON ns.oid = c.relnamespace
			WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND\s""" + notInExtension("pg_class", "c.oid")
			+ " ORDER BY 1, 2";

	static final String RULES = NS + "SELECT " + QNAME + """
			AS table_name, quote_ident(r.rulename) AS name, pg_get_ruledef(r.oid) AS definition
			 FROM pg_rewrite r
			 JOIN pg_class c ON c.oid = r.ev_class
			 JOIN ns ON ns.oid = c.relnamespace
			WHERE r.rulename <> '_RETURN' AND\s""" + notInExtension("pg_class", "c.oid") + " ORDER BY 1, 2";

	static final String POLICIES = NS + "SELECT " + QNAME + """
			AS table_name, quote_ident(p.polname) AS name,
			      CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
			                    WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
			      p.polpermissive AS permissive,
			      (SELECT string_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)) END, ', '
			                         ORDER BY pg_get_userbyid(r))
			         FROM unnest(p.polroles) r) AS roles,
			      pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check,
			      quote_literal(obj_description(p.oid, 'pg_policy')) AS comment
			 FROM pg_policy p
			 JOIN pg_class c ON c.oid = p.polrelid
			 JOIN ns ON ns.oid = c.relnamespace
			WHERE\s""" + notInExtension("pg_class", "c.oid") + " ORDER BY 1, 2";

	static final String STATISTICS = NS + """
			SELECT quote_ident(ns.nspname) || '.' || quote_ident(s.stxname) AS name,
			       pg_get_statisticsobjdef(s.oid) AS definition,
			       quote_literal(obj_description(s.oid, 'pg_statistic_ext')) AS comment
			  FROM pg_statistic_ext s JOIN ns ON ns.oid = s.stxnamespace
			 WHERE\s""" + notInExtension("pg_statistic_ext", "s.oid") + " ORDER BY 1";

	/**
	 * Dependencies between the objects built before the keys and indexes, each side
	 * reduced to the object whose statement creates it: a column default or a CHECK to
	 * its table, a view's rule to the view, an array type to its element, a table's row
	 * type to the table. No parameter: objects outside the baseline are dropped by the
	 * reader. A range type's constructors are made with it (an internal dependency), so
	 * they are not functions of their own. An array type is told by its element and
	 * variable length, which holds on every major (typsubscript exists from 14 only).
	 */
	static final String DEPENDENCIES = """
			SELECT DISTINCT
			       CASE d.classid
			         WHEN 'pg_class'::regclass THEN
			           CASE WHEN c1.relkind = 'c' THEN 'type:' || c1.reltype
			                WHEN c1.relkind NOT IN ('i', 'I') THEN 'class:' || c1.oid END
			         WHEN 'pg_type'::regclass THEN
			           CASE WHEN b1.typrelid <> 0 AND r1.relkind <> 'c' THEN 'class:' || b1.typrelid ELSE 'type:' || b1.oid END
			         WHEN 'pg_proc'::regclass THEN 'proc:' || d.objid
			         WHEN 'pg_attrdef'::regclass THEN 'class:' || ad.adrelid
			         WHEN 'pg_rewrite'::regclass THEN 'class:' || rw.ev_class
			         WHEN 'pg_constraint'::regclass THEN
			           CASE WHEN k.contypid <> 0 THEN 'type:' || k.contypid WHEN k.contype = 'c' THEN 'class:' || k.conrelid END
			         WHEN 'pg_operator'::regclass THEN 'oper:' || d.objid
			         WHEN 'pg_cast'::regclass THEN 'cast:' || d.objid
			         WHEN 'pg_collation'::regclass THEN 'coll:' || d.objid
			         WHEN 'pg_ts_config'::regclass THEN 'tscfg:' || d.objid
			         WHEN 'pg_ts_dict'::regclass THEN 'tsdict:' || d.objid
			         WHEN 'pg_foreign_data_wrapper'::regclass THEN 'fdw:' || d.objid
			         WHEN 'pg_foreign_server'::regclass THEN 'srv:' || d.objid
			       END AS dependent,
			       CASE d.refclassid
			         WHEN 'pg_class'::regclass THEN
			           CASE WHEN c2.relkind = 'c' THEN 'type:' || c2.reltype
			                WHEN c2.relkind NOT IN ('i', 'I') THEN 'class:' || c2.oid END
			         WHEN 'pg_type'::regclass THEN
			           CASE WHEN b2.typrelid <> 0 AND r2.relkind <> 'c' THEN 'class:' || b2.typrelid ELSE 'type:' || b2.oid END
			         WHEN 'pg_proc'::regclass THEN 'proc:' || d.refobjid
			         WHEN 'pg_operator'::regclass THEN 'oper:' || d.refobjid
			         WHEN 'pg_collation'::regclass THEN 'coll:' || d.refobjid
			         WHEN 'pg_ts_config'::regclass THEN 'tscfg:' || d.refobjid
			         WHEN 'pg_ts_dict'::regclass THEN 'tsdict:' || d.refobjid
			         WHEN 'pg_foreign_data_wrapper'::regclass THEN 'fdw:' || d.refobjid
			         WHEN 'pg_foreign_server'::regclass THEN 'srv:' || d.refobjid
			       END AS referenced
			  FROM pg_depend d
			  LEFT JOIN pg_class c1 ON d.classid = 'pg_class'::regclass AND c1.oid = d.objid
			  LEFT JOIN pg_type t1 ON d.classid = 'pg_type'::regclass AND t1.oid = d.objid
			  LEFT JOIN pg_type b1 ON b1.oid = CASE WHEN t1.typelem <> 0
			                                         AND t1.typlen = -1
			                                        THEN t1.typelem ELSE t1.oid END
			  LEFT JOIN pg_class r1 ON r1.oid = b1.typrelid
			  LEFT JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND ad.oid = d.objid
			  LEFT JOIN pg_rewrite rw ON d.classid = 'pg_rewrite'::regclass AND rw.oid = d.objid
			  LEFT JOIN pg_constraint k ON d.classid = 'pg_constraint'::regclass AND k.oid = d.objid
			  LEFT JOIN pg_class c2 ON d.refclassid = 'pg_class'::regclass AND c2.oid = d.refobjid
			  LEFT JOIN pg_type t2 ON d.refclassid = 'pg_type'::regclass AND t2.oid = d.refobjid
			  LEFT JOIN pg_type b2 ON b2.oid = CASE WHEN t2.typelem <> 0
			                                         AND t2.typlen = -1
			                                        THEN t2.typelem ELSE t2.oid END
			  LEFT JOIN pg_class r2 ON r2.oid = b2.typrelid
			 WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384 AND d.refobjid >= 16384
			""";

	/**
	 * Objects a baseline does not recreate, described by PostgreSQL, so the user knows to
	 * add them by hand.
	 */
	static final String UNSUPPORTED = NS
			+ """
					SELECT pg_describe_object(x.classid, x.objid, 0) AS description, x.relation FROM (
					  SELECT 'pg_ts_parser'::regclass AS classid, o.oid AS objid, NULL AS relation
					    FROM pg_ts_parser o JOIN ns ON ns.oid = o.prsnamespace
					  UNION ALL SELECT 'pg_ts_template'::regclass, o.oid, NULL FROM pg_ts_template o JOIN ns ON ns.oid = o.tmplnamespace
					  UNION ALL SELECT 'pg_opclass'::regclass, o.oid, NULL FROM pg_opclass o JOIN ns ON ns.oid = o.opcnamespace
					  UNION ALL SELECT 'pg_opfamily'::regclass, o.oid, NULL FROM pg_opfamily o JOIN ns ON ns.oid = o.opfnamespace
					  UNION ALL SELECT 'pg_conversion'::regclass, o.oid, NULL FROM pg_conversion o JOIN ns ON ns.oid = o.connamespace
					) x
					 WHERE NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = x.classid AND e.objid = x.objid
					                      AND e.deptype = 'e')
					 ORDER BY 1
					""";

	private DdlQueries() {
	}

}
