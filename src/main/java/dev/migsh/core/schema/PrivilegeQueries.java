package dev.migsh.core.schema;

/**
 * Owners and privileges: the statements that give each object its owner and its grants
 * (ALTER ... OWNER TO, REVOKE/GRANT, column grants, ALTER DEFAULT PRIVILEGES), and the
 * same facts for {@link SchemaSnapshot} as objects of type GRANT. An owner is written
 * only when it is not the user running the baseline, so a file taken and run by the same
 * role stays free of noise; grants made by someone other than the owner are not recreated
 * and show up as a difference. Same parameter and search_path as {@link DdlQueries}.
 */
final class PrivilegeQueries {

	private static String notInExtension(String catalog, String oid) {
		return " NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = "
				+ oid + " AND e.deptype = 'e') ";
	}

	// alter_kw: the keyword of ALTER ... OWNER TO; grant_kw: of GRANT ... ON (null: no
	// privileges); acltype: the letter acldefault takes
	private static final String OWNED = DdlQueries.NS + """
			, owned AS (
			  SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
			                        WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS alter_kw,
			         CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS grant_kw,
			         quote_ident(ns.nspname) || '.' || quote_ident(c.relname) AS target, c.relowner AS owner,
			         c.relacl AS acl, CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END AS acltype
			    FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
			   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND\s""" + notInExtension("pg_class", "c.oid")
			+ """
					   AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid
					                      AND i.deptype = 'i')
					UNION ALL
					SELECT 'SCHEMA', 'SCHEMA', quote_ident(ns.nspname), n.nspowner,
					       -- a new database's public schema has these already
					       CASE WHEN n.nspname = 'public' AND n.nspacl::text[] IN (
					              ARRAY[quote_ident(pg_get_userbyid(n.nspowner)) || '=UC/' || quote_ident(pg_get_userbyid(n.nspowner)),
					                    '=U/' || quote_ident(pg_get_userbyid(n.nspowner))],
					              ARRAY[quote_ident(pg_get_userbyid(n.nspowner)) || '=UC/' || quote_ident(pg_get_userbyid(n.nspowner)),
					                    '=UC/' || quote_ident(pg_get_userbyid(n.nspowner))]) THEN NULL ELSE n.nspacl END,
					       'n'
					  FROM pg_namespace n JOIN ns ON ns.oid = n.oid
					UNION ALL
					SELECT CASE p.prokind WHEN 'a' THEN 'AGGREGATE' WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
					       CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
					       quote_ident(ns.nspname) || '.' || quote_ident(p.proname)
					       || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proowner, p.proacl, 'f'
					  FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
					 WHERE\s"""
			+ notInExtension("pg_proc", "p.oid")
			+ """
					   AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid
					                      AND i.deptype = 'i')
					UNION ALL
					SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
					       quote_ident(ns.nspname) || '.' || quote_ident(t.typname), t.typowner, t.typacl, 'T'
					  FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
					 WHERE t.typtype IN ('e', 'd', 'c', 'r')
					   AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
					   AND\s"""
			+ notInExtension("pg_type", "t.oid")
			+ """
					UNION ALL
					SELECT 'FOREIGN DATA WRAPPER', 'FOREIGN DATA WRAPPER', quote_ident(w.fdwname), w.fdwowner, w.fdwacl, 'F'
					  FROM pg_foreign_data_wrapper w WHERE\s"""
			+ notInExtension("pg_foreign_data_wrapper", "w.oid") + """
					UNION ALL
					SELECT 'SERVER', 'FOREIGN SERVER', quote_ident(s.srvname), s.srvowner, s.srvacl, 'S'
					  FROM pg_foreign_server s WHERE\s""" + notInExtension("pg_foreign_server", "s.oid")
			+ """
					UNION ALL
					SELECT 'COLLATION', NULL, quote_ident(ns.nspname) || '.' || quote_ident(o.collname), o.collowner, NULL, NULL
					  FROM pg_collation o JOIN ns ON ns.oid = o.collnamespace WHERE\s"""
			+ notInExtension("pg_collation", "o.oid")
			+ """
					UNION ALL
					SELECT 'TEXT SEARCH CONFIGURATION', NULL, quote_ident(ns.nspname) || '.' || quote_ident(o.cfgname), o.cfgowner,
					       NULL, NULL
					  FROM pg_ts_config o JOIN ns ON ns.oid = o.cfgnamespace WHERE\s"""
			+ notInExtension("pg_ts_config", "o.oid")
			+ """
					UNION ALL
					SELECT 'TEXT SEARCH DICTIONARY', NULL, quote_ident(ns.nspname) || '.' || quote_ident(o.dictname), o.dictowner,
					       NULL, NULL
					  FROM pg_ts_dict o JOIN ns ON ns.oid = o.dictnamespace WHERE\s"""
			+ notInExtension("pg_ts_dict", "o.oid")
			+ """
					UNION ALL
					SELECT 'OPERATOR', NULL, quote_ident(ns.nspname) || '.' || o.oprname || ' ('
					       || coalesce(format_type(nullif(o.oprleft, 0), NULL), 'NONE') || ', ' || format_type(o.oprright, NULL) || ')',
					       o.oprowner, NULL, NULL
					  FROM pg_operator o JOIN ns ON ns.oid = o.oprnamespace
					 WHERE o.oprcode <> 0 AND\s"""
			+ notInExtension("pg_operator", "o.oid") + """
					UNION ALL
					SELECT 'PUBLICATION', NULL, quote_ident(p.pubname), p.pubowner, NULL, NULL FROM pg_publication p
					UNION ALL
					SELECT 'EVENT TRIGGER', NULL, quote_ident(t.evtname), t.evtowner, NULL, NULL
					  FROM pg_event_trigger t WHERE\s""" + notInExtension("pg_event_trigger", "t.oid") + """
					)
					""";

	private static final String GRANTS_OF = """
			(SELECT array_agg('GRANT ' || g.privs || ' ON ' || o.grant_kw || ' ' || o.target || ' TO ' || g.grantee
			                  || CASE WHEN g.grantable THEN ' WITH GRANT OPTION' ELSE '' END ORDER BY g.grantee, g.grantable)
			   FROM (SELECT CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(e.grantee)) END AS grantee,
			                e.is_grantable AS grantable, string_agg(e.privilege_type, ', ' ORDER BY e.privilege_type) AS privs
			           FROM aclexplode(o.acl) e WHERE e.grantor = o.owner GROUP BY 1, 2) g)""";

	static final String OWNERS_AND_GRANTS = OWNED
			+ """
					SELECT NULL AS id, o.alter_kw || ' ' || o.target AS name,
					       CASE WHEN pg_get_userbyid(o.owner) <> current_user
					             -- a new database's public schema belongs to the bootstrap superuser or pg_database_owner
					             AND NOT (o.alter_kw = 'SCHEMA' AND o.target = 'public' AND o.owner IN (10, 6171))
					            THEN ARRAY['ALTER ' || o.alter_kw || ' ' || o.target || ' OWNER TO ' || quote_ident(pg_get_userbyid(o.owner))]
					            ELSE ARRAY[]::text[] END
					       || CASE WHEN o.acl IS NOT NULL AND o.grant_kw IS NOT NULL
					               THEN ARRAY['REVOKE ALL ON ' || o.grant_kw || ' ' || o.target || ' FROM PUBLIC',
					                          'REVOKE ALL ON ' || o.grant_kw || ' ' || o.target || ' FROM '
					                          || quote_ident(pg_get_userbyid(o.owner))]
					                    || coalesce(\s"""
			+ GRANTS_OF + """
					, ARRAY[]::text[])
					               ELSE ARRAY[]::text[] END AS statements
					  FROM owned o ORDER BY 2""";

	static final String COLUMN_GRANTS = DdlQueries.NS
			+ """
					SELECT NULL AS id, quote_ident(ns.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(a.attname) AS name,
					       (SELECT array_agg('GRANT ' || g.privs || ' (' || quote_ident(a.attname) || ') ON TABLE '
					                         || quote_ident(ns.nspname) || '.' || quote_ident(c.relname) || ' TO ' || g.grantee
					                         || CASE WHEN g.grantable THEN ' WITH GRANT OPTION' ELSE '' END ORDER BY g.grantee)
					          FROM (SELECT CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(e.grantee)) END
					                       AS grantee, e.is_grantable AS grantable,
					                       string_agg(e.privilege_type, ', ' ORDER BY e.privilege_type) AS privs
					                  FROM aclexplode(a.attacl) e WHERE e.grantor = c.relowner GROUP BY 1, 2) g) AS statements
					  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN ns ON ns.oid = c.relnamespace
					 WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND\s"""
			+ notInExtension("pg_class", "c.oid") + " ORDER BY 2";

	private static final String DEFAULT_ACL_TARGET = """
			'FOR ROLE ' || quote_ident(pg_get_userbyid(d.defaclrole))
			|| CASE WHEN d.defaclnamespace <> 0 THEN ' IN SCHEMA ' || quote_ident(dn.nspname) ELSE '' END\s""";

	private static final String DEFAULT_ACL_KIND = """
			CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
			                     WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS' END\s""";

	// a role-wide entry replaces the built-in defaults, so they are revoked first
	static final String DEFAULT_PRIVILEGES = DdlQueries.NS + "SELECT NULL AS id, 'DEFAULT PRIVILEGES ' || "
			+ DEFAULT_ACL_TARGET + " || ' ON ' || " + DEFAULT_ACL_KIND + """
					AS name,
					       CASE WHEN d.defaclnamespace = 0
					            THEN ARRAY['ALTER DEFAULT PRIVILEGES\s""" + "' || " + DEFAULT_ACL_TARGET
			+ " || ' REVOKE ALL ON ' || " + DEFAULT_ACL_KIND + """
					|| ' FROM PUBLIC',
					                      'ALTER DEFAULT PRIVILEGES\s""" + "' || " + DEFAULT_ACL_TARGET
			+ " || ' REVOKE ALL ON ' || " + DEFAULT_ACL_KIND + """
					|| ' FROM ' || quote_ident(pg_get_userbyid(d.defaclrole))]
					           ELSE ARRAY[]::text[] END
					      || (SELECT array_agg('ALTER DEFAULT PRIVILEGES\s""" + "' || " + DEFAULT_ACL_TARGET
			+ " || ' GRANT ' || g.privs || ' ON ' || " + DEFAULT_ACL_KIND
			+ """
					|| ' TO ' || g.grantee
					                           || CASE WHEN g.grantable THEN ' WITH GRANT OPTION' ELSE '' END ORDER BY g.grantee)
					            FROM (SELECT CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(e.grantee)) END
					                         AS grantee, e.is_grantable AS grantable,
					                         string_agg(e.privilege_type, ', ' ORDER BY e.privilege_type) AS privs
					                    FROM aclexplode(d.defaclacl) e GROUP BY 1, 2) g) AS statements
					 FROM pg_default_acl d LEFT JOIN pg_namespace dn ON dn.oid = d.defaclnamespace
					WHERE d.defaclnamespace = 0 OR d.defaclnamespace IN (SELECT oid FROM ns)
					ORDER BY 2""";

	private static final String NORMALISED_ACL = """
			(SELECT string_agg(x.item, ', ' ORDER BY x.item)
			   FROM (SELECT CASE WHEN e.grantee = 0 THEN 'PUBLIC' WHEN e.grantee = %1$s THEN '(owner)'
			                     ELSE quote_ident(pg_get_userbyid(e.grantee)) END
			                || ' ' || e.privilege_type || CASE WHEN e.is_grantable THEN ' with grant option' ELSE '' END
			                || CASE WHEN e.grantor = %1$s THEN '' ELSE ' by ' || quote_ident(pg_get_userbyid(e.grantor)) END
			                AS item
			           FROM aclexplode(%2$s) e) x)""";

	/**
	 * For the snapshot: each object's owner and privileges, the owner named apart so that
	 * an owner change is one difference, not one per grant.
	 */
	static final String SNAPSHOT = OWNED + """
			SELECT o.alter_kw || ' ' || o.target AS name, o.target AS parent, pg_get_userbyid(o.owner) AS owner,
			      \s"""
			+ NORMALISED_ACL.formatted("o.owner", "coalesce(o.acl, acldefault(o.acltype::\"char\", o.owner))")
			+ """
					AS privileges
					  FROM owned o
					UNION ALL
					SELECT 'COLUMN ' || quote_ident(ns.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(a.attname),
					       quote_ident(ns.nspname) || '.' || quote_ident(c.relname),
					       NULL,\s"""
			+ NORMALISED_ACL.formatted("c.relowner", "a.attacl") + """
					  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN ns ON ns.oid = c.relnamespace
					 WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
					UNION ALL
					SELECT 'DEFAULT PRIVILEGES ' ||\s""" + DEFAULT_ACL_TARGET + " || ' ON ' || " + DEFAULT_ACL_KIND
			+ """
					, NULL, NULL,\s""" + NORMALISED_ACL.formatted("d.defaclrole", "d.defaclacl") + """
					  FROM pg_default_acl d LEFT JOIN pg_namespace dn ON dn.oid = d.defaclnamespace
					 WHERE d.defaclnamespace = 0 OR d.defaclnamespace IN (SELECT oid FROM ns)
					""";

	private PrivilegeQueries() {
	}

}
