package dev.migsh.core.connect;

import java.time.OffsetDateTime;

/**
 * Facts about the server a session is connected to, read once at connect time and after a
 * reconnect: version, identity, role (primary or standby), SSL, the session's
 * search_path.
 */
public record ServerInfo(String version, int versionNum, String user, String database, int backendPid, boolean ssl,
		String sslVersion, boolean inRecovery, boolean readOnly, OffsetDateTime postmasterStartTime,
		String searchPath) {

	/** Major version, e.g. 17 for 170006. */
	public int major() {
		return this.versionNum / 10000;
	}

}
