package dev.migsh.core.connect;

import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/** Placeholder until the connect branch lands. */
public record ConnectionSettings(String host, int port, String database, String user, Secret password, String sslMode,
		Map<Setting, String> origins) {

	public enum Setting {

		HOST, PORT, DATABASE, USER, PASSWORD, SSLMODE

	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
	}

	public Properties jdbcProperties() {
		Properties p = new Properties();
		p.setProperty("user", this.user);
		if (this.password != null) {
			p.setProperty("password", this.password.reveal());
		}
		p.setProperty("sslmode", this.sslMode);
		p.setProperty("ApplicationName", "migsh");
		return p;
	}

	public ConnectionSettings withPassword(Secret secret) {
		return new ConnectionSettings(this.host, this.port, this.database, this.user, secret, this.sslMode, this.origins);
	}

	public String displayUrl() {
		return "postgresql://" + this.user + "@" + this.host + ":" + this.port + "/" + this.database;
	}

	public static ConnectionSettings sandbox(int port, String user, String database) {
		Map<Setting, String> origins = new EnumMap<>(Setting.class);
		for (Setting s : Setting.values()) {
			origins.put(s, "sandbox");
		}
		return new ConnectionSettings("localhost", port, database, user, null, "disable", origins);
	}

}
