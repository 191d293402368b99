package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.migsh.core.history.HistoryTable;
import dev.migsh.core.lint.LockMode;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.DdlObjects;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.postgres.Identifiers;

/**
 * The user may do what the plan does: write the history (or create its schema), create in
 * the schemas the plan creates objects in, own the tables it alters, write the tables it
 * changes, and reference the tables its foreign keys point at.
 */
final class PrivilegeCheck implements PreflightCheck {

	private static final String SCHEMA = """
			SELECT n.oid IS NOT NULL,
			       coalesce(pg_catalog.has_schema_privilege(n.oid, 'USAGE')
			                AND pg_catalog.has_schema_privilege(n.oid, 'CREATE'), false),
			       pg_catalog.has_database_privilege(pg_catalog.current_database(), 'CREATE')
			FROM (SELECT 1) one LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = ?""";

	// each privilege a change needs on migsh's own tables and sequences that exist: the
	// object, the privilege, and whether the user has it
	private static final String HISTORY_PRIVILEGES = """
			SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), p.privilege,
			       CASE WHEN c.relkind = 'S' THEN pg_catalog.has_sequence_privilege(c.oid, p.privilege)
			            ELSE pg_catalog.has_table_privilege(c.oid, p.privilege) END
			FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			JOIN (VALUES ('history', 'SELECT', 1), ('history', 'INSERT', 2), ('history', 'UPDATE', 3),
			             ('history', 'DELETE', 4), ('history_installed_rank_seq', 'USAGE', 5), ('audit', 'SELECT', 6),
			             ('audit', 'INSERT', 7), ('audit_seq_seq', 'USAGE', 8), ('meta', 'SELECT', 9)
			     ) AS p(rel, privilege, ord) ON p.rel = c.relname
			WHERE n.nspname = ?
			ORDER BY p.ord""";

	private static final String CURRENT_SCHEMA = "SELECT pg_catalog.current_schema()";

	private static final String TABLE = """
			SELECT pg_catalog.pg_has_role(c.relowner, 'USAGE'), pg_catalog.has_table_privilege(c.oid, 'SELECT'),
			       pg_catalog.has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE'),
			       pg_catalog.has_table_privilege(c.oid, 'REFERENCES')
			FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass(?)""";

	@Override
	public String name() {
		return "privileges";
	}

	@Override
	public CheckResult run(PreflightContext context) throws SQLException {
		List<String> missing = new ArrayList<>();
		try (Connection connection = context.dataSource().getConnection()) {
			String history = context.config().historySchema();
			String historyTable = new HistoryTable(history).qualifiedName();
			String user = currentUser(connection);
			List<String> grants = historyGrants(connection, history, user, missing);
			if (!schemaWritable(connection, history, true) && !historyExists(connection, historyTable)) {
				missing.add("CREATE on schema " + history + " (for the history)");
				grants.add(schemaExists(connection, history)
						? "GRANT CREATE ON SCHEMA " + Identifiers.quote(history) + " TO " + Identifiers.quote(user)
						: "GRANT CREATE ON DATABASE " + Identifiers.quote(currentDatabase(connection)) + " TO "
								+ Identifiers.quote(user));
			}
			if (context.plan().isPresent()) {
				Set<String> schemas = new LinkedHashSet<>();
				Set<String> denied = new LinkedHashSet<>();
				String currentSchema = null;
				boolean currentSchemaRead = false;
				// a schema the plan creates is owned by the user: creating in it needs no
				// grant
				Set<String> ownSchemas = new LinkedHashSet<>();
				for (MigrationPlan.Step step : context.plan().get().steps()) {
					for (DbObject created : DdlObjects.created(step.file().up().statements())) {
						if (created.kind() == DbObject.Kind.SCHEMA) {
							ownSchemas.add(created.name());
						}
						else if (created.kind() != DbObject.Kind.COLUMN) {
							// the schema unqualified names go to: asked once, not per
							// object
							if (!currentSchemaRead) {
								currentSchema = currentSchema(connection);
								currentSchemaRead = true;
							}
							String schema = created.schema().orElse(currentSchema);
							if (!ownSchemas.contains(schema)) {
								schemas.add(schema);
							}
						}
					}
					for (MigrationPlan.PlannedStatement statement : step.statements()) {
						for (int i = 0; i < statement.tables().size(); i++) {
							MigrationPlan.TableImpact impact = statement.tables().get(i);
							if (impact.exists()) {
								tablePrivilege(connection, impact, i == 0).ifPresent(denied::add);
							}
						}
					}
				}
				for (String schema : schemas) {
					if (schema == null) {
						missing.add("a schema to create objects in (search_path names none that exists)");
					}
					else if (!schemaWritable(connection, schema, false)) {
						missing.add("CREATE on schema " + schema);
					}
				}
				missing.addAll(denied);
			}
			if (!missing.isEmpty()) {
				return CheckResult.fail(name(), "user " + user + " lacks " + String.join("; ", missing),
						grants.isEmpty()
								? "Run as the owner of the schema and tables, or have them GRANT what is missing."
								: "Have the owner run: " + String.join("; ", grants) + (grants.size() < missing.size()
										? " (and GRANT the rest, or run as the tables' owner)" : "") + ".");
			}
			return CheckResult.ok(name(), "user " + user + " may create, alter and write what the plan touches");
		}
	}

	private static boolean schemaWritable(Connection connection, String schema, boolean mayCreateIt)
			throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(SCHEMA)) {
			ps.setString(1, schema);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				if (!rs.getBoolean(1)) {
					return mayCreateIt && rs.getBoolean(3);
				}
				return rs.getBoolean(2);
			}
		}
	}

	private static boolean historyExists(Connection connection, String table) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.to_regclass(?) IS NOT NULL")) {
			ps.setString(1, table);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * Adds to {@code missing} each privilege on migsh's own tables and sequences the user
	 * lacks (what every change writes: history rows, their sequence, the audit), and
	 * returns the GRANT statements that give them.
	 */
	private static List<String> historyGrants(Connection connection, String schema, String user, List<String> missing)
			throws SQLException {
		java.util.Map<String, List<String>> lacking = new java.util.LinkedHashMap<>();
		try (PreparedStatement ps = connection.prepareStatement(HISTORY_PRIVILEGES)) {
			ps.setString(1, schema);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					if (!rs.getBoolean(3)) {
						lacking.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
					}
				}
			}
		}
		List<String> grants = new ArrayList<>();
		if (!lacking.isEmpty() && !schemaUsable(connection, schema)) {
			missing.add("USAGE on schema " + schema);
			grants.add("GRANT USAGE ON SCHEMA " + Identifiers.quote(schema) + " TO " + Identifiers.quote(user));
		}
		lacking.forEach((object, privileges) -> {
			boolean sequence = privileges.contains("USAGE");
			missing.add(String.join(", ", privileges) + " on " + (sequence ? "sequence " : "") + object);
			grants.add("GRANT " + String.join(", ", privileges) + " ON " + (sequence ? "SEQUENCE " : "") + object
					+ " TO " + Identifiers.quote(user));
		});
		return grants;
	}

	private static boolean schemaUsable(Connection connection, String schema) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(
				"SELECT coalesce(pg_catalog.has_schema_privilege(n.oid, 'USAGE'), true) FROM (SELECT 1) one"
						+ " LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = ?")) {
			ps.setString(1, schema);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static boolean schemaExists(Connection connection, String schema) throws SQLException {
		try (PreparedStatement ps = connection
			.prepareStatement("SELECT EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = ?)")) {
			ps.setString(1, schema);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static String currentDatabase(Connection connection) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.current_database()");
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static Optional<String> tablePrivilege(Connection connection, MigrationPlan.TableImpact impact,
			boolean target) throws SQLException {
		String table = impact.stats().get().qualifiedName();
		try (PreparedStatement ps = connection.prepareStatement(TABLE)) {
			ps.setString(1, Identifiers.qualified(impact.stats().get().schema(), impact.stats().get().name()));
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					return Optional.empty();
				}
				LockMode mode = impact.mode();
				if (mode == LockMode.ACCESS_SHARE) {
					return rs.getBoolean(2) ? Optional.empty() : Optional.of("SELECT on " + table);
				}
				if (mode == LockMode.ROW_EXCLUSIVE) {
					return rs.getBoolean(3) ? Optional.empty() : Optional.of("INSERT, UPDATE or DELETE on " + table);
				}
				if (!target && mode == LockMode.SHARE_ROW_EXCLUSIVE) {
					return rs.getBoolean(4) ? Optional.empty() : Optional.of("REFERENCES on " + table);
				}
				return rs.getBoolean(1) ? Optional.empty() : Optional.of("ownership of " + table);
			}
		}
	}

	private static String currentSchema(Connection connection) {
		try (PreparedStatement ps = connection.prepareStatement(CURRENT_SCHEMA); ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private static String currentUser(Connection connection) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("SELECT current_user");
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
	}

}
