package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The server is a primary that accepts writes: not a hot standby (advisory locks succeed
 * on standbys, so this runs before the lock is taken) and not read-only by default.
 */
final class PrimaryCheck implements PreflightCheck {

	private static final String SQL = "SELECT pg_catalog.pg_is_in_recovery(), current_setting('transaction_read_only')";

	@Override
	public String name() {
		return "primary";
	}

	@Override
	public CheckResult run(PreflightContext context) throws SQLException {
		try (Connection connection = context.dataSource().getConnection();
				PreparedStatement ps = connection.prepareStatement(SQL);
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			if (rs.getBoolean(1)) {
				return CheckResult.fail(name(), "the server is a read-only standby (pg_is_in_recovery() is true)",
						"Connect to the primary: check the host in --url or MIGSH_URL.");
			}
			if ("on".equals(rs.getString(2))) {
				return CheckResult.fail(name(), "the session is read-only (default_transaction_read_only is on)",
						"Connect as a user or to a database that may write, or have the setting turned off.");
			}
			return CheckResult.ok(name(), "primary, accepts writes");
		}
	}

}
