package dev.migsh.core.connect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connection parameters beyond host, port, database, user, password and sslmode, as
 * pgjdbc driver properties, with where each came from; and the {@code search_path} migsh
 * itself was told to use. Built by {@link ConnectionParameters}, which rejects what it
 * cannot honour.
 *
 * @param driverProperties pgjdbc property names to values
 * @param given each parameter as the user named it ({@code application_name}) to its
 * value
 * @param origins the parameter as given to where it came from ({@code --url})
 * @param searchPath the search_path setting, or null; it is appended to {@code options}
 * so it wins over a {@code -c search_path} there
 * @param searchPathOrigin where the search_path setting came from, or null
 */
public record ConnectionOptions(Map<String, String> driverProperties, Map<String, String> given,
		Map<String, String> origins, String searchPath, String searchPathOrigin) {

	public static final ConnectionOptions NONE = new ConnectionOptions(Map.of(), Map.of(), Map.of(), null, null);

	private static final String OPTIONS = "options";

	public ConnectionOptions {
		driverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(driverProperties));
		given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
		origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
	}

	/** The same options with migsh's search_path setting. */
	public ConnectionOptions withSearchPath(String searchPath, String origin) {
		return new ConnectionOptions(this.driverProperties, this.given, this.origins, searchPath, origin);
	}

	/**
	 * The driver properties to connect with: the given ones, with the search_path setting
	 * appended to {@code options} as {@code -c search_path=...}.
	 */
	public Map<String, String> effectiveProperties() {
		Map<String, String> properties = new LinkedHashMap<>(this.driverProperties);
		if (this.searchPath != null) {
			String given = properties.get(OPTIONS);
			String setting = "-c search_path=" + escape(this.searchPath);
			properties.put(OPTIONS, (given == null || given.isBlank()) ? setting : given + " " + setting);
		}
		return properties;
	}

	/**
	 * The parameters for {@code info}: name and value as given, sslpassword masked.
	 */
	public Map<String, String> shown() {
		Map<String, String> shown = new LinkedHashMap<>();
		this.given.forEach((name, value) -> shown.put(name,
				ConnectionParameters.SECRET_PROPERTIES.contains(name) ? Secret.MASK : value));
		return shown;
	}

	/** The connect timeout pgjdbc was given in seconds (0: none), or null for its own. */
	public Integer connectTimeoutSeconds() {
		String value = this.driverProperties.get("connectTimeout");
		try {
			return (value == null) ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * In a libpq {@code options} string a space separates arguments and a backslash
	 * escapes the next character.
	 */
	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace(" ", "\\ ");
	}

	@Override
	public String toString() {
		return "ConnectionOptions" + shown() + ((this.searchPath != null) ? " search_path=" + this.searchPath : "");
	}

}
