package dev.migsh.core.schema;

import java.util.EnumMap;
import java.util.Map;

import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * One catalog query per object type for {@link SchemaSnapshot}. Each returns
 * {@code name}, an optional {@code parent} and any other columns as the object's
 * properties; each takes one bind parameter, the text[] of schemas to leave out. They run
 * with search_path = pg_catalog so that every name in a definition comes out
 * schema-qualified, whatever the session's path.
 */
final class SnapshotQueries {

	static final String PIN_SEARCH_PATH = "SET LOCAL search_path = pg_catalog";

	// text blocks drop the trailing space of "WHERE ", so this fragment brings its own
	private static final String USER_SCHEMA = " n.nspname <> ALL (?::text[]) AND n.nspname NOT LIKE 'pg\\_toast%'"
			+ " AND n.nspname NOT LIKE 'pg\\_temp\\_%' ";

	private static String notInExtension(String catalog, String oid) {
		return " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = "
				+ oid + " AND e.deptype = 'e')\n";
	}

	private static final String QUALIFIED_RELATION = "quote_ident(n.nspname) || '.' || quote_ident(c.relname)";

	static final Map<ObjectType, String> BY_TYPE = new EnumMap<>(ObjectType.class);

	static {
		BY_TYPE.put(ObjectType.SCHEMA, """
				SELECT quote_ident(n.nspname) AS name, obj_description(n.oid, 'pg_namespace') AS comment
				  FROM pg_namespace n
				 WHERE\s""" + USER_SCHEMA + notInExtension("pg_namespace", "n.oid"));
		BY_TYPE.put(ObjectType.EXTENSION, """
				SELECT quote_ident(x.extname) AS name, x.extversion AS version, n.nspname AS schema
				  FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
				 WHERE n.nspname = 'pg_catalog' OR n.nspname <> ALL (?::text[])
				""");
		BY_TYPE.put(ObjectType.TYPE, """
				SELECT quote_ident(n.nspname) || '.' || quote_ident(t.typname) AS name,
				       CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' WHEN 'c' THEN 'composite'
				                      WHEN 'r' THEN 'range' END AS kind,
				       (SELECT string_agg(quote_literal(l.enumlabel), ', ' ORDER BY l.enumsortorder)
				          FROM pg_enum l WHERE l.enumtypid = t.oid) AS labels,
				       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
				       CASE WHEN t.typtype = 'd' AND t.typnotnull THEN 'true' END AS not_null,
				       t.typdefault AS default,
				       (SELECT string_agg(pg_get_constraintdef(k.oid, true), ' ' ORDER BY k.conname)
				          FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c') AS constraints,
				       (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', '
				                          ORDER BY a.attnum)
				          FROM pg_attribute a
				         WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0
				           AND NOT a.attisdropped) AS attributes,
				       (SELECT format_type(r.rngsubtype, NULL) FROM pg_range r WHERE r.rngtypid = t.oid) AS subtype,
				       obj_description(t.oid, 'pg_type') AS comment
				  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
				 WHERE t.typtype IN ('e', 'd', 'c', 'r')
				   AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
				   AND\s""" + USER_SCHEMA + notInExtension("pg_type", "t.oid"));
		BY_TYPE.put(ObjectType.SEQUENCE, "SELECT " + QUALIFIED_RELATION + """
				AS name,
				      format_type(s.seqtypid, NULL) AS type, s.seqstart::text AS start,
				      s.seqincrement::text AS increment, s.seqmin::text AS minimum, s.seqmax::text AS maximum,
				      s.seqcache::text AS cache, s.seqcycle::text AS cycle,
				      obj_description(c.oid, 'pg_class') AS comment,
				      (SELECT d.refobjid::regclass::text || '.' || quote_ident(a.attname)
				         FROM pg_depend d
				         JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
				        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
				          AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) AS owned_by
				 FROM pg_sequence s
				 JOIN pg_class c ON c.oid = s.seqrelid
				 JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE\s""" + USER_SCHEMA + notInExtension("pg_class", "c.oid"));
		BY_TYPE.put(ObjectType.TABLE, "SELECT " + QUALIFIED_RELATION + """
				AS name,
				      CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table'
				                     ELSE 'foreign table' END AS kind,
				      CASE WHEN c.relpersistence = 'u' THEN 'true' END AS unlogged,
				      CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
				      CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
				      (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno)
				         FROM pg_inherits i WHERE i.inhrelid = c.oid) AS parents,
				      CASE WHEN c.relrowsecurity THEN 'true' END AS row_security,
				      CASE WHEN c.relforcerowsecurity THEN 'true' END AS force_row_security,
				      array_to_string(c.reloptions, ', ') AS options,
				      CASE c.relreplident WHEN 'n' THEN 'nothing' WHEN 'f' THEN 'full' WHEN 'i' THEN 'index' END
				          AS replica_identity,
				      (SELECT string_agg(pg_get_ruledef(r.oid), ' ' ORDER BY r.rulename)
				         FROM pg_rewrite r WHERE r.ev_class = c.oid AND r.rulename <> '_RETURN') AS rules,
				      (SELECT fs.srvname || coalesce(' ' || array_to_string(ft.ftoptions, ', '), '')
				         FROM pg_foreign_table ft JOIN pg_foreign_server fs ON fs.oid = ft.ftserver
				        WHERE ft.ftrelid = c.oid) AS server,
				      obj_description(c.oid, 'pg_class') AS comment
				 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE c.relkind IN ('r', 'p', 'f') AND\s""" + USER_SCHEMA + notInExtension("pg_class", "c.oid"));
		BY_TYPE.put(ObjectType.COLUMN,
				"SELECT " + QUALIFIED_RELATION + " || '.' || quote_ident(a.attname) AS name, " + QUALIFIED_RELATION
						+ """
								AS parent,
								      (row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum))::text AS position,
								      format_type(a.atttypid, a.atttypmod) AS type,
								      CASE WHEN a.attnotnull THEN 'true' END AS not_null,
								      CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default,
								      CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END AS generated,
								      CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END AS identity,
								      (SELECT quote_ident(co.collname) FROM pg_collation co, pg_type ty
								        WHERE co.oid = a.attcollation AND ty.oid = a.atttypid
								          AND a.attcollation <> ty.typcollation) AS collation,
								      array_to_string(a.attfdwoptions, ', ') AS fdw_options,
								      CASE WHEN a.attstorage <> (SELECT ty.typstorage FROM pg_type ty WHERE ty.oid = a.atttypid)
								           THEN a.attstorage::text END AS storage,
								      nullif(to_jsonb(a) ->> 'attcompression', '') AS compression,
								      nullif((to_jsonb(a) ->> 'attstattarget')::int, -1)::text AS statistics,
								      col_description(c.oid, a.attnum) AS comment
								 FROM pg_class c
								 JOIN pg_namespace n ON n.oid = c.relnamespace
								 JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
								 LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
								WHERE c.relkind IN ('r', 'p', 'f') AND\s"""
						+ USER_SCHEMA + notInExtension("pg_class", "c.oid"));
		BY_TYPE.put(ObjectType.CONSTRAINT,
				"SELECT " + QUALIFIED_RELATION + " || '.' || quote_ident(k.conname) AS name, " + QUALIFIED_RELATION
						+ """
								AS parent,
								      CASE k.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique' WHEN 'c' THEN 'check'
								                     WHEN 'f' THEN 'foreign key' WHEN 'x' THEN 'exclusion' END AS type,
								      pg_get_constraintdef(k.oid) AS definition,
								      obj_description(k.oid, 'pg_constraint') AS comment
								 FROM pg_constraint k
								 JOIN pg_class c ON c.oid = k.conrelid
								 JOIN pg_namespace n ON n.oid = c.relnamespace
								WHERE k.contype IN ('p', 'u', 'c', 'f', 'x') AND """
						+ USER_SCHEMA + notInExtension("pg_class", "c.oid"));
		BY_TYPE.put(ObjectType.INDEX,
				"SELECT quote_ident(n.nspname) || '.' || quote_ident(ic.relname) AS name, " + QUALIFIED_RELATION + """
						AS parent,
						      pg_get_indexdef(i.indexrelid) AS definition,
						      CASE WHEN NOT i.indisvalid THEN 'false' END AS valid,
						      CASE WHEN i.indisclustered THEN 'true' END AS clustered,
						      obj_description(i.indexrelid, 'pg_class') AS comment
						 FROM pg_index i
						 JOIN pg_class ic ON ic.oid = i.indexrelid
						 JOIN pg_class c ON c.oid = i.indrelid
						 JOIN pg_namespace n ON n.oid = c.relnamespace
						WHERE\s""" + USER_SCHEMA + notInExtension("pg_class", "c.oid"));
		BY_TYPE.put(ObjectType.VIEW, "SELECT " + QUALIFIED_RELATION + """
				AS name,
				      CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END AS kind,
				      pg_get_viewdef(c.oid) AS definition,
				      array_to_string(c.reloptions, ', ') AS options,
				      CASE WHEN c.relkind = 'm' AND NOT c.relispopulated THEN 'false' END AS populated,
				      obj_description(c.oid, 'pg_class') AS comment
				 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE c.relkind IN ('v', 'm') AND\s""" + USER_SCHEMA + notInExtension("pg_class", "c.oid"));
		BY_TYPE.put(ObjectType.FUNCTION, """
				SELECT quote_ident(n.nspname) || '.' || quote_ident(p.proname)
				       || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
				       CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'w' THEN 'window function'
				                      ELSE 'function' END AS kind,
				       pg_get_functiondef(p.oid) AS definition,
				       obj_description(p.oid, 'pg_proc') AS comment
				  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
				 WHERE p.prokind IN ('f', 'p', 'w') AND\s""" + USER_SCHEMA + notInExtension("pg_proc", "p.oid"));
		BY_TYPE.put(ObjectType.TRIGGER,
				"SELECT " + QUALIFIED_RELATION + " || '.' || quote_ident(t.tgname) AS name, " + QUALIFIED_RELATION + """
						AS parent,
						      pg_get_triggerdef(t.oid) AS definition,
						      CASE t.tgenabled WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica'
						                       WHEN 'A' THEN 'always' END AS enabled,
						      obj_description(t.oid, 'pg_trigger') AS comment
						 FROM pg_trigger t
						 JOIN pg_class c ON c.oid = t.tgrelid
						 JOIN pg_namespace n ON n.oid = c.relnamespace
						WHERE NOT t.tgisinternal AND\s""" + USER_SCHEMA + notInExtension("pg_class", "c.oid"));
		BY_TYPE.put(ObjectType.POLICY,
				"SELECT " + QUALIFIED_RELATION + " || '.' || quote_ident(p.polname) AS name, " + QUALIFIED_RELATION
						+ """
								AS parent,
								      p.polcmd::text AS command, CASE WHEN NOT p.polpermissive THEN 'restrictive' END AS restrictive,
								      (SELECT string_agg(quote_ident(r.rolname), ', ' ORDER BY r.rolname)
								         FROM pg_roles r WHERE r.oid = ANY (p.polroles)) AS roles,
								      pg_get_expr(p.polqual, p.polrelid) AS using,
								      pg_get_expr(p.polwithcheck, p.polrelid) AS with_check,
								      obj_description(p.oid, 'pg_policy') AS comment
								 FROM pg_policy p
								 JOIN pg_class c ON c.oid = p.polrelid
								 JOIN pg_namespace n ON n.oid = c.relnamespace
								WHERE """
						+ USER_SCHEMA + notInExtension("pg_class", "c.oid"));
		BY_TYPE.put(ObjectType.STATISTICS, """
				SELECT quote_ident(n.nspname) || '.' || quote_ident(s.stxname) AS name,
				       pg_get_statisticsobjdef(s.oid) AS definition,
				       obj_description(s.oid, 'pg_statistic_ext') AS comment
				  FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace
				 WHERE\s""" + USER_SCHEMA + notInExtension("pg_statistic_ext", "s.oid"));
		BY_TYPE.put(ObjectType.AGGREGATE,
				"""
						SELECT quote_ident(n.nspname) || '.' || quote_ident(p.proname)
						       || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
						       pg_get_function_arguments(p.oid) AS arguments, a.aggkind::text AS kind,
						       a.aggtransfn::regprocedure::text AS sfunc, format_type(a.aggtranstype, NULL) AS stype,
						       nullif(a.aggtransspace, 0)::text AS sspace,
						       CASE WHEN a.aggfinalfn <> 0 THEN a.aggfinalfn::regprocedure::text END AS finalfunc,
						       CASE WHEN a.aggfinalextra THEN 'true' END AS finalfunc_extra, a.aggfinalmodify::text AS finalfunc_modify,
						       CASE WHEN a.aggcombinefn <> 0 THEN a.aggcombinefn::regprocedure::text END AS combinefunc,
						       CASE WHEN a.aggserialfn <> 0 THEN a.aggserialfn::regprocedure::text END AS serialfunc,
						       CASE WHEN a.aggdeserialfn <> 0 THEN a.aggdeserialfn::regprocedure::text END AS deserialfunc,
						       a.agginitval AS initcond,
						       CASE WHEN a.aggmtransfn <> 0 THEN a.aggmtransfn::regprocedure::text END AS msfunc,
						       CASE WHEN a.aggminvtransfn <> 0 THEN a.aggminvtransfn::regprocedure::text END AS minvfunc,
						       CASE WHEN a.aggmtranstype <> 0 THEN format_type(a.aggmtranstype, NULL) END AS mstype,
						       CASE WHEN a.aggmfinalfn <> 0 THEN a.aggmfinalfn::regprocedure::text END AS mfinalfunc,
						       a.aggminitval AS minitcond,
						       CASE WHEN a.aggsortop <> 0 THEN a.aggsortop::regoperator::text END AS sortop,
						       p.proparallel::text AS parallel, obj_description(p.oid, 'pg_proc') AS comment
						  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_aggregate a ON a.aggfnoid = p.oid
						 WHERE """
						+ USER_SCHEMA + notInExtension("pg_proc", "p.oid"));
		BY_TYPE.put(ObjectType.OPERATOR,
				"""
						SELECT quote_ident(n.nspname) || '.' || o.oprname || '(' || coalesce(format_type(nullif(o.oprleft, 0), NULL), 'NONE')
						       || ',' || format_type(o.oprright, NULL) || ')' AS name,
						       o.oprcode::regprocedure::text AS function, format_type(o.oprresult, NULL) AS result,
						       CASE WHEN o.oprcom <> 0 THEN o.oprcom::regoperator::text END AS commutator,
						       CASE WHEN o.oprnegate <> 0 THEN o.oprnegate::regoperator::text END AS negator,
						       CASE WHEN o.oprrest <> 0 THEN o.oprrest::regproc::text END AS restrict,
						       CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::regproc::text END AS join,
						       CASE WHEN o.oprcanhash THEN 'true' END AS hashes, CASE WHEN o.oprcanmerge THEN 'true' END AS merges,
						       obj_description(o.oid, 'pg_operator') AS comment
						  FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
						 WHERE o.oprcode <> 0 AND """
						+ USER_SCHEMA + notInExtension("pg_operator", "o.oid"));
		BY_TYPE.put(ObjectType.CAST,
				"""
						SELECT '(' || format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL) || ')' AS name,
						       CASE WHEN c.castfunc <> 0 THEN c.castfunc::regprocedure::text END AS function,
						       c.castmethod::text AS method, c.castcontext::text AS context
						  FROM pg_cast c
						 WHERE c.oid >= 16384 AND ?::text[] IS NOT NULL"""
						+ notInExtension("pg_cast", "c.oid")
						+ """
								   AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_cast'::regclass AND i.objid = c.oid
								                      AND i.deptype = 'i')
								""");
		BY_TYPE.put(ObjectType.COLLATION,
				"""
						SELECT quote_ident(n.nspname) || '.' || quote_ident(c.collname) AS name, c.collprovider::text AS provider,
						       j ->> 'collcollate' AS lc_collate, j ->> 'collctype' AS lc_ctype,
						       coalesce(j ->> 'colllocale', j ->> 'colliculocale') AS locale, j ->> 'collicurules' AS rules,
						       CASE WHEN NOT c.collisdeterministic THEN 'false' END AS deterministic,
						       obj_description(c.oid, 'pg_collation') AS comment
						  FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace, LATERAL to_jsonb(c) j
						 WHERE """
						+ USER_SCHEMA + notInExtension("pg_collation", "c.oid"));
		BY_TYPE.put(ObjectType.TEXT_SEARCH_DICTIONARY, """
				SELECT quote_ident(n.nspname) || '.' || quote_ident(d.dictname) AS name,
				       d.dictinitoption AS options,
				       (SELECT t.tmplname FROM pg_ts_template t WHERE t.oid = d.dicttemplate) AS template,
				       obj_description(d.oid, 'pg_ts_dict') AS comment
				  FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace
				 WHERE\s""" + USER_SCHEMA + notInExtension("pg_ts_dict", "d.oid"));
		BY_TYPE.put(ObjectType.TEXT_SEARCH_CONFIGURATION,
				"""
						SELECT quote_ident(n.nspname) || '.' || quote_ident(c.cfgname) AS name,
						       (SELECT p.prsname FROM pg_ts_parser p WHERE p.oid = c.cfgparser) AS parser,
						       (SELECT string_agg(t.alias || ': ' || m.dicts, '; ' ORDER BY t.alias)
						          FROM (SELECT mp.maptokentype, string_agg(mp.mapdict::regdictionary::text, ', ' ORDER BY mp.mapseqno)
						                       AS dicts
						                  FROM pg_ts_config_map mp WHERE mp.mapcfg = c.oid GROUP BY mp.maptokentype) m
						          JOIN ts_token_type(c.cfgparser) t ON t.tokid = m.maptokentype) AS mapping,
						       obj_description(c.oid, 'pg_ts_config') AS comment
						  FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
						 WHERE """
						+ USER_SCHEMA + notInExtension("pg_ts_config", "c.oid"));
		BY_TYPE.put(ObjectType.FOREIGN_DATA_WRAPPER, """
				SELECT quote_ident(w.fdwname) AS name,
				       CASE WHEN w.fdwhandler <> 0 THEN w.fdwhandler::regprocedure::text END AS handler,
				       CASE WHEN w.fdwvalidator <> 0 THEN w.fdwvalidator::regprocedure::text END AS validator,
				       array_to_string(w.fdwoptions, ', ') AS options
				  FROM pg_foreign_data_wrapper w
				 WHERE ?::text[] IS NOT NULL""" + notInExtension("pg_foreign_data_wrapper", "w.oid"));
		BY_TYPE.put(ObjectType.FOREIGN_SERVER, """
				SELECT quote_ident(s.srvname) AS name, w.fdwname AS wrapper, s.srvtype AS type, s.srvversion AS version,
				       array_to_string(s.srvoptions, ', ') AS options
				  FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
				 WHERE ?::text[] IS NOT NULL""" + notInExtension("pg_foreign_server", "s.oid"));
		// a password is never read back, so a baseline leaves it out and says so
		BY_TYPE.put(ObjectType.USER_MAPPING,
				"""
						SELECT quote_ident(m.srvname) || ' for ' || CASE WHEN m.umuser = 0 THEN 'PUBLIC' ELSE quote_ident(m.usename) END
						       AS name,
						       (SELECT string_agg(o, ', ' ORDER BY o) FROM unnest(m.umoptions) o WHERE o NOT LIKE 'password=%')
						       AS options
						  FROM pg_user_mappings m
						 WHERE ?::text[] IS NOT NULL
						""");
		// pg_publication_tables has more columns (row filter, column list) on newer
		// majors;
		// to_jsonb takes whichever the server has
		BY_TYPE.put(ObjectType.PUBLICATION, """
				SELECT quote_ident(p.pubname) AS name, CASE WHEN p.puballtables THEN 'true' END AS all_tables,
				       concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END,
				                 CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END)
				       AS publish,
				       p.pubviaroot::text AS via_partition_root,
				       (SELECT string_agg(to_jsonb(pt)::text, '; ' ORDER BY pt.schemaname, pt.tablename)
				          FROM pg_publication_tables pt WHERE pt.pubname = p.pubname) AS tables,
				       obj_description(p.oid, 'pg_publication') AS comment
				  FROM pg_publication p
				 WHERE ?::text[] IS NOT NULL
				""");
		BY_TYPE.put(ObjectType.GRANT, PrivilegeQueries.SNAPSHOT);
		BY_TYPE.put(ObjectType.EVENT_TRIGGER, """
				SELECT quote_ident(t.evtname) AS name, t.evtevent AS event, array_to_string(t.evttags, ', ') AS tags,
				       t.evtfoid::regprocedure::text AS function, t.evtenabled::text AS enabled,
				       obj_description(t.oid, 'pg_event_trigger') AS comment
				  FROM pg_event_trigger t
				 WHERE ?::text[] IS NOT NULL""" + notInExtension("pg_event_trigger", "t.oid"));
	}

	private SnapshotQueries() {
	}

}
