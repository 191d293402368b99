package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsh.core.lint.LockMode;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.postgres.Identifiers;

/**
 * No other session holds a lock on a table the plan touches that the plan's lock would
 * wait for (with lock_timeout set the apply would fail, without it every query behind it
 * would queue). Long transactions and idle-in-transaction sessions elsewhere only warn.
 */
final class OtherSessionsCheck implements PreflightCheck {

	static final Duration LONG_TRANSACTION = Duration.ofMinutes(1);

	private static final String SQL = """
			SELECT a.pid, a.usename, coalesce(a.application_name, ''), coalesce(a.state, ''),
			       coalesce(extract(epoch FROM now() - a.xact_start), 0)::bigint, l.mode, n.nspname, c.relname
			FROM pg_catalog.pg_stat_activity a
			LEFT JOIN pg_catalog.pg_locks l ON l.pid = a.pid AND l.locktype = 'relation' AND l.granted
			     AND l.relation IN (SELECT pg_catalog.to_regclass(t) FROM unnest(?::text[]) t)
			LEFT JOIN pg_catalog.pg_class c ON c.oid = l.relation
			LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE a.datname = pg_catalog.current_database() AND a.pid <> pg_catalog.pg_backend_pid()
			  AND a.backend_type = 'client backend' AND a.xact_start IS NOT NULL
			ORDER BY a.xact_start, a.pid""";

	private final Duration longTransaction;

	OtherSessionsCheck() {
		this(LONG_TRANSACTION);
	}

	OtherSessionsCheck(Duration longTransaction) {
		this.longTransaction = longTransaction;
	}

	@Override
	public String name() {
		return "other sessions";
	}

	@Override
	public CheckResult run(PreflightContext context) throws SQLException {
		Map<String, MigrationPlan.TableImpact> touched = context.plan()
			.map(MigrationPlan::touchedTables)
			.orElse(Map.of());
		List<String> names = touched.values()
			.stream()
			.map(t -> Identifiers.qualified(t.stats().get().schema(), t.stats().get().name()))
			.toList();
		List<String> blockers = new ArrayList<>();
		Set<String> slow = new LinkedHashSet<>();
		int firstBlocker = 0;
		try (Connection connection = context.dataSource().getConnection();
				PreparedStatement ps = connection.prepareStatement(SQL)) {
			ps.setArray(1, connection.createArrayOf("text", names.toArray()));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					int pid = rs.getInt(1);
					String who = "pid " + pid + " (user " + rs.getString(2)
							+ (rs.getString(3).isEmpty() ? "" : ", application '" + rs.getString(3) + "'") + ", "
							+ rs.getString(4) + ", in a transaction for " + rs.getLong(5) + " s)";
					String table = rs.getString(8) == null ? null : rs.getString(7) + "." + rs.getString(8);
					if (table != null && touched.containsKey(table)) {
						LockMode held = LockConflicts.fromPgLocks(rs.getString(6));
						LockMode wanted = touched.get(table).mode();
						if (LockConflicts.conflict(wanted, held)) {
							blockers.add(who + " holds " + held.sqlName() + " on " + table + ", which the plan's "
									+ wanted.sqlName() + " waits for");
							firstBlocker = (firstBlocker == 0) ? pid : firstBlocker;
							continue;
						}
					}
					if (rs.getString(4).startsWith("idle in transaction")
							|| rs.getLong(5) >= this.longTransaction.toSeconds()) {
						slow.add(who);
					}
				}
			}
		}
		if (!blockers.isEmpty()) {
			return CheckResult.fail(name(), String.join("; ", new LinkedHashSet<>(blockers)),
					"Wait for it to finish, or end it with SELECT pg_terminate_backend(" + firstBlocker
							+ "); then run apply again.");
		}
		if (!slow.isEmpty()) {
			return CheckResult.warn(name(), "long or idle transactions: " + String.join("; ", slow),
					"They hold back vacuum and may take locks the plan needs later; check them in pg_stat_activity.");
		}
		return CheckResult.ok(name(), touched.isEmpty() ? "no long transactions" : "no lock holders on the "
				+ PlanCheck.plural(touched.size(), "table") + " touched, no long transactions");
	}

}
