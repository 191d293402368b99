package dev.migsh.core.schema;

import java.util.List;

import dev.migsh.core.schema.DdlItem.Phase;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * Catalog queries for the objects that tables and views rely on besides types and
 * functions: aggregates, operators, casts, collations, text search, foreign data, event
 * triggers and publications. Each returns {@code id} (the identity dependencies name, or
 * null), {@code name} (as {@link SnapshotQueries} names it) and {@code statements}, a
 * text[] the server writes with every name quoted and qualified. Like {@link DdlQueries}
 * they take the text[] of schemas to leave out and run with search_path = pg_catalog.
 * PostgreSQL 13 or later: columns that only some majors have are read through to_jsonb.
 */
final class SupportDdlQueries {

	/**
	 * One query and where its objects go.
	 *
	 * @param type the snapshot type of the objects
	 * @param phase where their statements run
	 * @param sql the query
	 */
	record Query(ObjectType type, Phase phase, String sql) {
	}

	private static final String NS = DdlQueries.NS;

	private static String notInExtension(String catalog, String oid) {
		return " NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = "
				+ oid + " AND e.deptype = 'e') ";
	}

	private static final String OPERATOR_REF = "(SELECT 'OPERATOR(' || quote_ident(rn.nspname) || '.' || r.oprname || ')'"
			+ " FROM pg_operator r JOIN pg_namespace rn ON rn.oid = r.oprnamespace WHERE r.oid = %s)";

	static final String AGGREGATES = NS + """
			SELECT 'proc:' || p.oid AS id,
			       quote_ident(ns.nspname) || '.' || quote_ident(p.proname)
			       || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
			       ARRAY['CREATE AGGREGATE ' || quote_ident(ns.nspname) || '.' || quote_ident(p.proname)
			       || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
			       || concat_ws(', ',
			            'SFUNC = ' || a.aggtransfn::regproc::text,
			            'STYPE = ' || format_type(a.aggtranstype, NULL),
			            CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
			            CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || a.aggfinalfn::regproc::text END,
			            CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
			            CASE WHEN a.aggfinalmodify <> CASE WHEN a.aggkind = 'n' THEN 'r' ELSE 'w' END
			                 THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY'
			                                                  WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
			            CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || a.aggcombinefn::regproc::text END,
			            CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || a.aggserialfn::regproc::text END,
			            CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || a.aggdeserialfn::regproc::text END,
			            CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
			            CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || a.aggmtransfn::regproc::text END,
			            CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || a.aggminvtransfn::regproc::text END,
			            CASE WHEN a.aggmtranstype <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
			            CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
			            CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || a.aggmfinalfn::regproc::text END,
			            CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
			            CASE WHEN a.aggmtransfn <> 0
			                  AND a.aggmfinalmodify <> CASE WHEN a.aggkind = 'n' THEN 'r' ELSE 'w' END
			                 THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY'
			                                                  WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
			            CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
			            CASE WHEN a.aggsortop <> 0 THEN 'SORTOP = ' ||\s""" + OPERATOR_REF.formatted("a.aggsortop")
			+ """
					            END,
					           CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END,
					           CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END)
					      || ')']
					      || CASE WHEN obj_description(p.oid, 'pg_proc') IS NOT NULL
					              THEN ARRAY['COMMENT ON AGGREGATE ' || quote_ident(ns.nspname) || '.' || quote_ident(p.proname)
					                         || '(' || CASE WHEN p.pronargs = 0 THEN '*'
					                                        ELSE pg_get_function_identity_arguments(p.oid) END
					                         || ') IS ' || quote_literal(obj_description(p.oid, 'pg_proc'))]
					              ELSE ARRAY[]::text[] END AS statements
					 FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace JOIN pg_aggregate a ON a.aggfnoid = p.oid
					WHERE\s"""
			+ notInExtension("pg_proc", "p.oid") + " ORDER BY 2";

	static final String OPERATORS = NS
			+ """
					SELECT 'oper:' || o.oid AS id,
					       quote_ident(ns.nspname) || '.' || o.oprname || '(' || coalesce(format_type(nullif(o.oprleft, 0), NULL), 'NONE')
					       || ',' || format_type(o.oprright, NULL) || ')' AS name,
					       ARRAY['CREATE OPERATOR ' || quote_ident(ns.nspname) || '.' || o.oprname || ' ('
					       || concat_ws(', ',
					            'FUNCTION = ' || o.oprcode::regproc::text,
					            CASE WHEN o.oprleft <> 0 THEN 'LEFTARG = ' || format_type(o.oprleft, NULL) END,
					            'RIGHTARG = ' || format_type(o.oprright, NULL),
					            CASE WHEN o.oprcom <> 0 THEN 'COMMUTATOR = ' ||\s"""
			+ OPERATOR_REF.formatted("o.oprcom") + """
					 END,
					CASE WHEN o.oprnegate <> 0 THEN 'NEGATOR = ' ||\s""" + OPERATOR_REF.formatted("o.oprnegate")
			+ """
					            END,
					           CASE WHEN o.oprrest <> 0 THEN 'RESTRICT = ' || o.oprrest::regproc::text END,
					           CASE WHEN o.oprjoin <> 0 THEN 'JOIN = ' || o.oprjoin::regproc::text END,
					           CASE WHEN o.oprcanhash THEN 'HASHES' END,
					           CASE WHEN o.oprcanmerge THEN 'MERGES' END) || ')']
					      || CASE WHEN obj_description(o.oid, 'pg_operator') IS NOT NULL
					              THEN ARRAY['COMMENT ON OPERATOR ' || quote_ident(ns.nspname) || '.' || o.oprname || ' ('
					                         || coalesce(format_type(nullif(o.oprleft, 0), NULL), 'NONE') || ', '
					                         || format_type(o.oprright, NULL) || ') IS '
					                         || quote_literal(obj_description(o.oid, 'pg_operator'))]
					              ELSE ARRAY[]::text[] END AS statements
					 FROM pg_operator o JOIN ns ON ns.oid = o.oprnamespace
					WHERE o.oprcode <> 0 AND\s"""
			+ notInExtension("pg_operator", "o.oid") + " ORDER BY 2";

	// a range type makes its own cast to its multirange (PostgreSQL 14+): an internal
	// dependency
	static final String CASTS = NS
			+ """
					SELECT 'cast:' || c.oid AS id,
					       '(' || format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL) || ')' AS name,
					       ARRAY['CREATE CAST (' || format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL)
					       || ') ' || CASE c.castmethod WHEN 'f' THEN 'WITH FUNCTION ' || c.castfunc::regprocedure::text
					                                    WHEN 'i' THEN 'WITH INOUT' ELSE 'WITHOUT FUNCTION' END
					       || CASE c.castcontext WHEN 'a' THEN ' AS ASSIGNMENT' WHEN 'i' THEN ' AS IMPLICIT' ELSE '' END] AS statements
					  FROM pg_cast c
					 WHERE c.oid >= 16384 AND (SELECT count(*) FROM ns) >= 0 AND\s"""
			+ notInExtension("pg_cast", "c.oid")
			+ """
					  AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_cast'::regclass AND i.objid = c.oid
					                     AND i.deptype = 'i')
					ORDER BY 2""";

	static final String COLLATIONS = NS
			+ """
					SELECT 'coll:' || c.oid AS id, quote_ident(ns.nspname) || '.' || quote_ident(c.collname) AS name,
					       ARRAY['CREATE COLLATION ' || quote_ident(ns.nspname) || '.' || quote_ident(c.collname) || ' ('
					       || concat_ws(', ',
					            'PROVIDER = ' || CASE c.collprovider WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'libc' END,
					            CASE WHEN c.collprovider IN ('i', 'b')
					                 THEN 'LOCALE = ' || quote_literal(coalesce(j ->> 'colllocale', j ->> 'colliculocale',
					                                                            j ->> 'collcollate'))
					                 ELSE 'LC_COLLATE = ' || quote_literal(j ->> 'collcollate') || ', LC_CTYPE = '
					                      || quote_literal(j ->> 'collctype') END,
					            CASE WHEN j ->> 'collicurules' IS NOT NULL THEN 'RULES = ' || quote_literal(j ->> 'collicurules') END,
					            CASE WHEN NOT c.collisdeterministic THEN 'DETERMINISTIC = false' END) || ')']
					       || CASE WHEN obj_description(c.oid, 'pg_collation') IS NOT NULL
					               THEN ARRAY['COMMENT ON COLLATION ' || quote_ident(ns.nspname) || '.' || quote_ident(c.collname)
					                          || ' IS ' || quote_literal(obj_description(c.oid, 'pg_collation'))]
					               ELSE ARRAY[]::text[] END AS statements
					  FROM pg_collation c JOIN ns ON ns.oid = c.collnamespace, LATERAL to_jsonb(c) j
					 WHERE\s"""
			+ notInExtension("pg_collation", "c.oid") + " ORDER BY 2";

	static final String TEXT_SEARCH_DICTIONARIES = NS
			+ """
					SELECT 'tsdict:' || d.oid AS id, quote_ident(ns.nspname) || '.' || quote_ident(d.dictname) AS name,
					       ARRAY['CREATE TEXT SEARCH DICTIONARY ' || quote_ident(ns.nspname) || '.' || quote_ident(d.dictname)
					       || ' (TEMPLATE = ' || (SELECT quote_ident(tn.nspname) || '.' || quote_ident(t.tmplname)
					                                FROM pg_ts_template t JOIN pg_namespace tn ON tn.oid = t.tmplnamespace
					                               WHERE t.oid = d.dicttemplate)
					       || coalesce(', ' || d.dictinitoption, '') || ')']
					       || CASE WHEN obj_description(d.oid, 'pg_ts_dict') IS NOT NULL
					               THEN ARRAY['COMMENT ON TEXT SEARCH DICTIONARY ' || quote_ident(ns.nspname) || '.'
					                          || quote_ident(d.dictname) || ' IS ' || quote_literal(obj_description(d.oid, 'pg_ts_dict'))]
					               ELSE ARRAY[]::text[] END AS statements
					  FROM pg_ts_dict d JOIN ns ON ns.oid = d.dictnamespace
					 WHERE\s"""
			+ notInExtension("pg_ts_dict", "d.oid") + " ORDER BY 2";

	static final String TEXT_SEARCH_CONFIGURATIONS = NS
			+ """
					SELECT 'tscfg:' || c.oid AS id, quote_ident(ns.nspname) || '.' || quote_ident(c.cfgname) AS name,
					       ARRAY['CREATE TEXT SEARCH CONFIGURATION ' || quote_ident(ns.nspname) || '.' || quote_ident(c.cfgname)
					       || ' (PARSER = ' || (SELECT quote_ident(pn.nspname) || '.' || quote_ident(p.prsname)
					                              FROM pg_ts_parser p JOIN pg_namespace pn ON pn.oid = p.prsnamespace
					                             WHERE p.oid = c.cfgparser) || ')']
					       || coalesce((SELECT array_agg('ALTER TEXT SEARCH CONFIGURATION ' || quote_ident(ns.nspname) || '.'
					                                     || quote_ident(c.cfgname) || ' ADD MAPPING FOR ' || m.alias || ' WITH '
					                                     || m.dicts ORDER BY m.alias)
					                      FROM (SELECT t.alias, string_agg(mp.mapdict::regdictionary::text, ', '
					                                                       ORDER BY mp.mapseqno) AS dicts
					                              FROM pg_ts_config_map mp
					                              JOIN ts_token_type(c.cfgparser) t ON t.tokid = mp.maptokentype
					                             WHERE mp.mapcfg = c.oid GROUP BY t.alias) m), ARRAY[]::text[])
					       || CASE WHEN obj_description(c.oid, 'pg_ts_config') IS NOT NULL
					               THEN ARRAY['COMMENT ON TEXT SEARCH CONFIGURATION ' || quote_ident(ns.nspname) || '.'
					                          || quote_ident(c.cfgname) || ' IS ' || quote_literal(obj_description(c.oid, 'pg_ts_config'))]
					               ELSE ARRAY[]::text[] END AS statements
					  FROM pg_ts_config c JOIN ns ON ns.oid = c.cfgnamespace
					 WHERE\s"""
			+ notInExtension("pg_ts_config", "c.oid") + " ORDER BY 2";

	static final String EVENT_TRIGGERS = NS
			+ """
					SELECT NULL AS id, quote_ident(t.evtname) AS name,
					       ARRAY['CREATE EVENT TRIGGER ' || quote_ident(t.evtname) || ' ON ' || t.evtevent
					       || coalesce(' WHEN TAG IN (' || (SELECT string_agg(quote_literal(g), ', ') FROM unnest(t.evttags) g) || ')', '')
					       || ' EXECUTE FUNCTION ' || t.evtfoid::regproc::text || '()']
					       || CASE t.evtenabled WHEN 'D' THEN ARRAY['ALTER EVENT TRIGGER ' || quote_ident(t.evtname) || ' DISABLE']
					                            WHEN 'R' THEN ARRAY['ALTER EVENT TRIGGER ' || quote_ident(t.evtname) || ' ENABLE REPLICA']
					                            WHEN 'A' THEN ARRAY['ALTER EVENT TRIGGER ' || quote_ident(t.evtname) || ' ENABLE ALWAYS']
					                            ELSE ARRAY[]::text[] END
					       || CASE WHEN obj_description(t.oid, 'pg_event_trigger') IS NOT NULL
					               THEN ARRAY['COMMENT ON EVENT TRIGGER ' || quote_ident(t.evtname) || ' IS '
					                          || quote_literal(obj_description(t.oid, 'pg_event_trigger'))]
					               ELSE ARRAY[]::text[] END AS statements
					  FROM pg_event_trigger t
					 WHERE (SELECT count(*) FROM ns) >= 0 AND\s"""
			+ notInExtension("pg_event_trigger", "t.oid") + " ORDER BY 2";

	/** {@code key 'value', ...} from a text[] of key=value options. */
	static String options(String column) {
		return "(SELECT string_agg(quote_ident(split_part(o, '=', 1)) || ' ' || quote_literal(substr(o, strpos(o, '=') + 1)),"
				+ " ', ') FROM unnest(" + column + ") o WHERE split_part(o, '=', 1) <> 'password')";
	}

	static final String FOREIGN_DATA_WRAPPERS = NS + """
			SELECT 'fdw:' || w.oid AS id, quote_ident(w.fdwname) AS name,
			       ARRAY['CREATE FOREIGN DATA WRAPPER ' || quote_ident(w.fdwname)
			       || CASE WHEN w.fdwhandler <> 0 THEN ' HANDLER ' || w.fdwhandler::regproc::text ELSE '' END
			       || CASE WHEN w.fdwvalidator <> 0 THEN ' VALIDATOR ' || w.fdwvalidator::regproc::text ELSE '' END
			       || coalesce(' OPTIONS (' ||\s""" + options("w.fdwoptions") + """
			      || ')', '')] AS statements
			 FROM pg_foreign_data_wrapper w
			WHERE (SELECT count(*) FROM ns) >= 0 AND\s""" + notInExtension("pg_foreign_data_wrapper", "w.oid")
			+ " ORDER BY 2";

	static final String FOREIGN_SERVERS = NS
			+ """
					SELECT 'srv:' || s.oid AS id, quote_ident(s.srvname) AS name,
					       ARRAY['CREATE SERVER ' || quote_ident(s.srvname)
					       || coalesce(' TYPE ' || quote_literal(s.srvtype), '') || coalesce(' VERSION ' || quote_literal(s.srvversion), '')
					       || ' FOREIGN DATA WRAPPER ' || quote_ident(w.fdwname)
					       || coalesce(' OPTIONS (' ||\s"""
			+ options("s.srvoptions")
			+ """
					|| ')', '')]
					|| coalesce((SELECT array_agg('CREATE USER MAPPING FOR '
					                              || CASE WHEN m.umuser = 0 THEN 'PUBLIC' ELSE quote_ident(m.usename) END
					                              || ' SERVER ' || quote_ident(s.srvname)
					                              || coalesce(' OPTIONS (' ||\s"""
			+ options("m.umoptions")
			+ """
					                                    || ')', '') ORDER BY m.usename)
					                     FROM pg_user_mappings m WHERE m.srvid = s.oid), ARRAY[]::text[]) AS statements,
					      (SELECT string_agg(m.usename, ', ') FROM pg_user_mappings m
					        WHERE m.srvid = s.oid AND EXISTS (SELECT 1 FROM unnest(m.umoptions) o WHERE o LIKE 'password=%')) AS secrets
					 FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
					WHERE (SELECT count(*) FROM ns) >= 0 AND\s"""
			+ notInExtension("pg_foreign_server", "s.oid") + " ORDER BY 2";

	private static final String PUBLICATION_TABLES_15 = """
			coalesce((SELECT array_agg('ALTER PUBLICATION ' || quote_ident(p.pubname) || ' ADD TABLE ONLY '
			                           || pr.prrelid::regclass::text
			                           || coalesce(' (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
			                                                  FROM pg_attribute a
			                                                 WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs))
			                                       || ')', '')
			                           || coalesce(' WHERE (' || pg_get_expr(pr.prqual, pr.prrelid) || ')', '')
			                           ORDER BY pr.prrelid::regclass::text)
			            FROM pg_publication_rel pr WHERE pr.prpubid = p.oid), ARRAY[]::text[])
			|| coalesce((SELECT array_agg('ALTER PUBLICATION ' || quote_ident(p.pubname) || ' ADD TABLES IN SCHEMA '
			                              || quote_ident(n.nspname) ORDER BY n.nspname)
			               FROM pg_publication_namespace pn JOIN pg_namespace n ON n.oid = pn.pnnspid
			              WHERE pn.pnpubid = p.oid), ARRAY[]::text[])
			""";

	// before 15 a publication lists whole tables only
	private static final String PUBLICATION_TABLES_13 = """
			coalesce((SELECT array_agg('ALTER PUBLICATION ' || quote_ident(p.pubname) || ' ADD TABLE ONLY '
			                           || pr.prrelid::regclass::text ORDER BY pr.prrelid::regclass::text)
			            FROM pg_publication_rel pr WHERE pr.prpubid = p.oid), ARRAY[]::text[])
			""";

	private static String publications(String tables) {
		return NS + """
				SELECT NULL AS id, quote_ident(p.pubname) AS name,
				       ARRAY['CREATE PUBLICATION ' || quote_ident(p.pubname)
				       || CASE WHEN p.puballtables THEN ' FOR ALL TABLES' ELSE '' END
				       || ' WITH (publish = ' || quote_literal(concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END,
				                                                        CASE WHEN p.pubupdate THEN 'update' END,
				                                                        CASE WHEN p.pubdelete THEN 'delete' END,
				                                                        CASE WHEN p.pubtruncate THEN 'truncate' END))
				       || ', publish_via_partition_root = ' || p.pubviaroot || ')'] ||
				""" + tables + """
				      || CASE WHEN obj_description(p.oid, 'pg_publication') IS NOT NULL
				              THEN ARRAY['COMMENT ON PUBLICATION ' || quote_ident(p.pubname) || ' IS '
				                         || quote_literal(obj_description(p.oid, 'pg_publication'))]
				              ELSE ARRAY[]::text[] END AS statements
				 FROM pg_publication p
				WHERE (SELECT count(*) FROM ns) >= 0 ORDER BY 2""";
	}

	/** The queries for a server of this version (server_version_num). */
	static List<Query> all(int serverVersion) {
		List<Query> queries = new java.util.ArrayList<>(ALL);
		queries.add(new Query(ObjectType.PUBLICATION, Phase.PUBLICATIONS,
				publications(serverVersion >= 150000 ? PUBLICATION_TABLES_15 : PUBLICATION_TABLES_13)));
		queries.add(new Query(ObjectType.GRANT, Phase.PRIVILEGES, PrivilegeQueries.OWNERS_AND_GRANTS));
		queries.add(new Query(ObjectType.GRANT, Phase.PRIVILEGES, PrivilegeQueries.COLUMN_GRANTS));
		queries.add(new Query(ObjectType.GRANT, Phase.PRIVILEGES, PrivilegeQueries.DEFAULT_PRIVILEGES));
		return queries;
	}

	private static final List<Query> ALL = List.of(
			new Query(ObjectType.FOREIGN_DATA_WRAPPER, Phase.OBJECTS, FOREIGN_DATA_WRAPPERS),
			new Query(ObjectType.FOREIGN_SERVER, Phase.OBJECTS, FOREIGN_SERVERS),
			new Query(ObjectType.COLLATION, Phase.OBJECTS, COLLATIONS),
			new Query(ObjectType.TEXT_SEARCH_DICTIONARY, Phase.OBJECTS, TEXT_SEARCH_DICTIONARIES),
			new Query(ObjectType.TEXT_SEARCH_CONFIGURATION, Phase.OBJECTS, TEXT_SEARCH_CONFIGURATIONS),
			new Query(ObjectType.AGGREGATE, Phase.OBJECTS, AGGREGATES),
			new Query(ObjectType.OPERATOR, Phase.OBJECTS, OPERATORS), new Query(ObjectType.CAST, Phase.OBJECTS, CASTS),
			new Query(ObjectType.EVENT_TRIGGER, Phase.EVENT_TRIGGERS, EVENT_TRIGGERS));

	private SupportDdlQueries() {
	}

}
