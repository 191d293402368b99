package dev.migsh.core.connect;

/**
 * What the command line ({@code --url}) or {@code connect} arguments ask for; every field
 * may be {@code null}, and a field given here beats the same setting from any other
 * source.
 */
public record ConnectRequest(String url, String host, Integer port, String database, String user, String sslMode,
		String service) {

	/** A request that asks for nothing, leaving everything to the environment. */
	public static ConnectRequest none() {
		return new ConnectRequest(null, null, null, null, null, null, null);
	}

	public static ConnectRequest ofUrl(String url) {
		return new ConnectRequest(url, null, null, null, null, null, null);
	}

	@Override
	public String toString() {
		return "ConnectRequest[url=" + ((this.url == null) ? null : Redaction.redactUrlPasswords(this.url)) + ", host="
				+ this.host + ", port=" + this.port + ", database=" + this.database + ", user=" + this.user
				+ ", sslMode=" + this.sslMode + ", service=" + this.service + "]";
	}

}
