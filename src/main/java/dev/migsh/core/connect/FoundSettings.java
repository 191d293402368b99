package dev.migsh.core.connect;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings gathered so far, offered source by source from the highest: a setting
 * keeps the first value offered. It also notes whether any source located a server (a
 * URL, host, database or service), which is what separates a configured connection from
 * the sandbox.
 */
final class FoundSettings {

	private final Map<Setting, String> values = new EnumMap<>(Setting.class);

	private final Map<Setting, String> origins = new EnumMap<>(Setting.class);

	private final Map<String, ConnectionParameters.Given> parameters = new LinkedHashMap<>();

	private Secret password;

	private String service;

	private String serviceOrigin;

	private boolean configured;

	void offer(Setting setting, String value, String origin) {
		if (!SettingsResolver.present(value)) {
			return;
		}
		if (setting == Setting.HOST || setting == Setting.DATABASE) {
			this.configured = true;
		}
		if (!this.values.containsKey(setting)) {
			this.values.put(setting, value);
			this.origins.put(setting, origin);
		}
	}

	void offerPassword(Secret secret, String origin) {
		if (secret != null && this.password == null) {
			this.password = secret;
			this.origins.put(Setting.PASSWORD, origin);
		}
	}

	void offerService(String name, String origin) {
		if (!SettingsResolver.present(name)) {
			return;
		}
		this.configured = true;
		if (this.service == null) {
			this.service = name;
			this.serviceOrigin = origin;
		}
	}

	/**
	 * A connection parameter other than the settings above ({@code options},
	 * {@code application_name}...); the first offer of a name wins.
	 */
	void offerParameter(String name, String value, String origin) {
		if (value != null) {
			this.parameters.putIfAbsent(name, new ConnectionParameters.Given(name, value, origin));
		}
	}

	/** Every entry but those named in {@code used}, as parameters. */
	void offerParameters(Map<String, String> values, Set<String> used, String origin) {
		values.forEach((name, value) -> {
			if (!used.contains(name)) {
				offerParameter(name, value, origin);
			}
		});
	}

	Collection<ConnectionParameters.Given> parameters() {
		return this.parameters.values();
	}

	ConnectionParameters.Given parameter(String name) {
		return this.parameters.get(name);
	}

	void offerUrl(PostgresUrl url, String origin) {
		this.configured = true;
		offer(Setting.HOST, url.host(), origin);
		offer(Setting.PORT, (url.port() != null) ? url.port().toString() : null, origin);
		offer(Setting.DATABASE, url.database(), origin);
		offer(Setting.USER, url.user(), origin);
		offerPassword(url.password(), origin);
		offer(Setting.SSLMODE, url.sslMode(), origin);
		offerService(url.service(), origin);
		offerParameters(url.parameters(), Set.of("sslmode", "service"), origin);
	}

	boolean configured() {
		return this.configured;
	}

	String value(Setting setting) {
		return this.values.get(setting);
	}

	String origin(Setting setting) {
		return this.origins.get(setting);
	}

	Map<Setting, String> origins() {
		return this.origins;
	}

	Secret password() {
		return this.password;
	}

	String service() {
		return this.service;
	}

	String serviceOrigin() {
		return this.serviceOrigin;
	}

	@Override
	public String toString() {
		return "FoundSettings" + this.origins;
	}

}
