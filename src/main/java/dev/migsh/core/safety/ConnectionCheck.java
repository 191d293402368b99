package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The server answers, as whom, and runs a PostgreSQL version migsh supports (12 or
 * later).
 */
final class ConnectionCheck implements PreflightCheck {

	static final int OLDEST_SUPPORTED = 120000;

	private static final String SQL = """
			SELECT current_setting('server_version'), current_setting('server_version_num')::int, current_user,
			       current_database()""";

	@Override
	public String name() {
		return "connection";
	}

	@Override
	public CheckResult run(PreflightContext context) throws SQLException {
		try (Connection connection = context.dataSource().getConnection();
				PreparedStatement ps = connection.prepareStatement(SQL);
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			String version = rs.getString(1);
			int num = rs.getInt(2);
			String line = "PostgreSQL " + version + " as " + rs.getString(3) + " on database " + rs.getString(4);
			if (num < OLDEST_SUPPORTED) {
				return CheckResult.fail(name(), line + ", older than 12",
						"migsh's safety rules are checked on PostgreSQL 12 and later; upgrade the server first.");
			}
			return CheckResult.ok(name(), line);
		}
	}

}
