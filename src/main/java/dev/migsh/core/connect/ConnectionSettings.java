package dev.migsh.core.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and as whom to connect, with the origin of every setting ({@code PGHOST},
 * {@code .env (DB_USER)}, {@code default}...) for {@code info}. The password is
 * {@code null} when no source gave one, and shows as {@code ****} when printed.
 */
public record ConnectionSettings(String host, int port, String database, String user, Secret password, String sslMode,
		Map<Setting, String> origins, ConnectionOptions options) {

	static final String SANDBOX = "sandbox";

	public ConnectionSettings {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(database, "database");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(sslMode, "sslMode");
		EnumMap<Setting, String> copy = new EnumMap<>(Setting.class);
		copy.putAll(origins);
		origins = Collections.unmodifiableMap(copy);
		options = (options != null) ? options : ConnectionOptions.NONE;
	}

	public ConnectionSettings(String host, int port, String database, String user, Secret password, String sslMode,
			Map<Setting, String> origins) {
		this(host, port, database, user, password, sslMode, origins, ConnectionOptions.NONE);
	}

	/** The same settings with migsh's search_path setting (null: the server's). */
	public ConnectionSettings withSearchPath(String searchPath, String origin) {
		return new ConnectionSettings(this.host, this.port, this.database, this.user, this.password, this.sslMode,
				this.origins, this.options.withSearchPath(searchPath, origin));
	}

	/** The settings of the embedded sandbox server, every origin {@code sandbox}. */
	public static ConnectionSettings sandbox(int port, String user, String database) {
		Map<Setting, String> origins = new EnumMap<>(Setting.class);
		for (Setting setting : Setting.values()) {
			if (setting != Setting.PASSWORD) {
				origins.put(setting, SANDBOX);
			}
		}
		// the embedded server listens on localhost only and has no certificate
		return new ConnectionSettings("localhost", port, database, user, null, "disable", origins);
	}

	/** Where a setting came from, or {@code not set} (only a password can be missing). */
	public String origin(Setting setting) {
		return this.origins.getOrDefault(setting, "not set");
	}

	/**
	 * {@code jdbc:postgresql://host:port/db}; credentials go in
	 * {@link #jdbcProperties()}.
	 */
	public String jdbcUrl() {
		// pgjdbc reads the database with URLDecoder, so it is encoded the same way
		return "jdbc:postgresql://" + bracketed() + ":" + this.port + "/"
				+ URLEncoder.encode(this.database, StandardCharsets.UTF_8);
	}

	/**
	 * Driver properties: the connection options (URL parameters translated for pgjdbc,
	 * the search_path setting in {@code options}), user, password if any, sslmode and
	 * {@code ApplicationName=migsh} unless one was given. The returned object prints with
	 * the passwords masked.
	 */
	public Properties jdbcProperties() {
		Properties properties = new MaskedProperties();
		this.options.effectiveProperties().forEach(properties::setProperty);
		properties.putIfAbsent("ApplicationName", "migsh");
		properties.setProperty("user", this.user);
		if (this.password != null) {
			properties.setProperty("password", this.password.reveal());
		}
		properties.setProperty("sslmode", this.sslMode);
		return properties;
	}

	/** The same settings with the password given at the interactive prompt. */
	public ConnectionSettings withPassword(Secret password) {
		Map<Setting, String> changed = new EnumMap<>(Setting.class);
		changed.putAll(this.origins);
		if (password == null) {
			changed.remove(Setting.PASSWORD);
		}
		else {
			changed.put(Setting.PASSWORD, "prompt");
		}
		return new ConnectionSettings(this.host, this.port, this.database, this.user, password, this.sslMode, changed,
				this.options);
	}

	/**
	 * {@code postgresql://user@host:port/db}, for the prompt, {@code info} and messages.
	 */
	public String displayUrl() {
		return "postgresql://" + PercentEncoding.encode(this.user) + "@" + bracketed() + ":" + this.port + "/"
				+ PercentEncoding.encode(this.database);
	}

	private String bracketed() {
		return this.host.contains(":") ? "[" + this.host + "]" : this.host;
	}

	private static final class MaskedProperties extends Properties {

		private static final long serialVersionUID = 1L;

		@Override
		public synchronized String toString() {
			Properties copy = new Properties();
			copy.putAll(this);
			for (String secret : new String[] { "password", "sslpassword" }) {
				if (copy.containsKey(secret)) {
					copy.setProperty(secret, Secret.MASK);
				}
			}
			return copy.toString();
		}

	}

}
