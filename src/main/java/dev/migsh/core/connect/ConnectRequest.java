package dev.migsh.core.connect;

/** Placeholder until the connect branch lands. */
public record ConnectRequest(String url, String host, Integer port, String database, String user, String sslMode,
		String service) {

	public static ConnectRequest none() {
		return new ConnectRequest(null, null, null, null, null, null, null);
	}

}
