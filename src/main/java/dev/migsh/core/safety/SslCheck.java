package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.migsh.core.connect.Environment;

/**
 * The connection is encrypted when it leaves this machine for a production server. Over
 * localhost or a Unix socket SSL protects nothing, so it is not required there; a remote
 * production server without SSL needs {@code --allow-insecure}, which the audit records.
 */
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
			if (context.target().local()) {
				return CheckResult.ok(name(),
						"off, not needed: the connection stays on this machine (" + context.target().host() + ")");
			}
			if (context.environment() == Environment.PRODUCTION) {
				if (context.target().allowInsecure()) {
					return CheckResult.warn(name(),
							"off over the network to " + context.target().host() + ", allowed by --allow-insecure",
							"The audit trail records that this change went unencrypted.");
				}
				return CheckResult.fail(name(),
						"off, and this production server is reached over the network (" + context.target().host() + ")",
						"Connect with SSL (sslmode=require in the URL, or PGSSLMODE=require); if the server has no SSL"
								+ " and the network is trusted, pass --allow-insecure (audited).");
			}
			return CheckResult.ok(name(), "off (required only in production; this is " + context.environment() + ")");
		}
	}

}
