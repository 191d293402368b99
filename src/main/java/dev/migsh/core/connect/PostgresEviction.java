package dev.migsh.core.connect;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells HikariCP which errors really mean a broken connection. Hikari takes SQLSTATE
 * 0A000 (feature not supported) as fatal and closes the connection under the caller;
 * PostgreSQL raises it for ordinary statement errors ("cannot use subquery in check
 * constraint"), so a migration's own error would be replaced by "Connection is closed".
 */
public final class PostgresEviction implements SQLExceptionOverride {

	static final String FEATURE_NOT_SUPPORTED = "0A000";

	@java.lang.Override
	public Override adjudicate(SQLException ex) {
		return FEATURE_NOT_SUPPORTED.equals(ex.getSQLState()) ? Override.DO_NOT_EVICT : Override.CONTINUE_EVICT;
	}

}
