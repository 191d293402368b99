package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.migsh.core.connect.Environment;

/** The connection is encrypted when the environment is production. */
final class SslCheck implements PreflightCheck {

	private static final String SQL = """
			SELECT coalesce(s.ssl, false), s.version FROM (SELECT 1) one
			LEFT JOIN pg_catalog.pg_stat_ssl s ON s.pid = pg_catalog.pg_backend_pid()""";

	@Override
	public String name() {
		return "ssl";
	}

	@Override
	public CheckResult run(PreflightContext context) throws SQLException {
		try (Connection connection = context.dataSource().getConnection();
				PreparedStatement ps = connection.prepareStatement(SQL);
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			boolean ssl = rs.getBoolean(1);
			if (ssl) {
				return CheckResult.ok(name(), "on (" + rs.getString(2) + ")");
			}
			if (context.environment() == Environment.PRODUCTION) {
				return CheckResult.fail(name(), "off, and this is production",
						"Connect with SSL: add sslmode=require to the URL, or set PGSSLMODE=require.");
			}
			return CheckResult.ok(name(), "off (required only in production; this is " + context.environment() + ")");
		}
	}

}
