package dev.migsh.core.connect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.postgresql.PGProperty;

import dev.migsh.core.MigshException;

/**
 * Turns the connection parameters a user gave (URL query, pg_service.conf keys, libpq's
 * {@code PG*} variables) into pgjdbc driver properties: each libpq keyword is translated
 * to pgjdbc's name and meaning, a pgjdbc property that only shapes the connection is
 * passed on, and everything else is refused with the parameter's name, where it came from
 * and what to do instead. Nothing is dropped silently.
 */
public final class ConnectionParameters {

	/** One parameter as given. */
	public record Given(String name, String value, String origin) {

	}

	static final Set<String> SECRET_PROPERTIES = Set.of("sslpassword");

	/**
	 * pgjdbc properties that only shape how the connection is made: passed on as given.
	 */
	private static final Set<String> PGJDBC_CONNECTION = Set.of("ApplicationName", "currentSchema", "connectTimeout",
			"loginTimeout", "socketTimeout", "tcpKeepAlive", "tcpNoDelay", "targetServerType", "sslcert", "sslkey",
			"sslrootcert", "sslpassword", "sslNegotiation", "channelBinding", "gssEncMode", "kerberosServerName",
			"jaasApplicationName", "gsslib", "requireAuth", "loadBalanceHosts", "hostRecheckSeconds",
			"sslResponseTimeout", "gssResponseTimeout", "cancelSignalTimeout", "sslfactory", "sslfactoryarg",
			"sslhostnameverifier", "pemKeyAlgorithm", "gssUseDefaultCreds", "options");

	/** libpq keywords with the same name and meaning in pgjdbc. */
	private static final Set<String> SAME_IN_PGJDBC = Set.of("options", "sslcert", "sslkey", "sslpassword");

	/** libpq keywords pgjdbc cannot honour, with what to do instead. */
	private static final Map<String, String> REFUSED = refused();

	/** The libpq environment variables that name a parameter, to their keyword. */
	public static final Map<String, String> VARIABLES = variables();

	private ConnectionParameters() {
	}

	/**
	 * The driver properties for these parameters.
	 * @throws MigshException naming the first parameter that cannot be honoured
	 */
	public static ConnectionOptions toOptions(Iterable<Given> parameters) {
		Map<String, String> properties = new LinkedHashMap<>();
		Map<String, String> origins = new LinkedHashMap<>();
		Map<String, String> values = new LinkedHashMap<>();
		String fallbackName = null;
		for (Given given : parameters) {
			String value = given.value().strip();
			String property = translate(given, value, properties);
			if (property == null) {
				continue;
			}
			if (given.name().equals("fallback_application_name")) {
				fallbackName = value;
			}
			origins.put(given.name(), given.origin());
			values.put(given.name(), value);
		}
		if (fallbackName != null) {
			properties.putIfAbsent("ApplicationName", fallbackName);
		}
		return new ConnectionOptions(properties, values, origins, null, null);
	}

	/**
	 * Puts the property for one parameter; returns its name, or null for one the resolver
	 * already used (passfile).
	 */
	private static String translate(Given given, String value, Map<String, String> properties) {
		String name = given.name();
		if (SAME_IN_PGJDBC.contains(name)) {
			return put(properties, name, value);
		}
		switch (name) {
			case "host", "port", "dbname":
				throw refuse(given, "the URL names the " + name + " already",
						"give it once, in the URL's authority or path or as a parameter");
			case "passfile":
				// read by the resolver, like PGPASSFILE
				return null;
			case "application_name":
				return put(properties, "ApplicationName", value);
			case "fallback_application_name":
				return "fallback_application_name";
			case "connect_timeout":
				int seconds = integer(given, value);
				// libpq: zero or less waits for ever, and 1 means 2
				return put(properties, "connectTimeout", String.valueOf((seconds <= 0) ? 0 : Math.max(seconds, 2)));
			case "keepalives":
				return put(properties, "tcpKeepAlive", (integer(given, value) != 0) ? "true" : "false");
			case "target_session_attrs":
				return put(properties, "targetServerType",
						choice(given, value,
								Map.of("any", "any", "read-write", "primary", "primary", "primary", "read-only",
										"secondary", "standby", "secondary", "prefer-standby", "preferSecondary")));
			case "load_balance_hosts":
				return put(properties, "loadBalanceHosts",
						choice(given, value, Map.of("disable", "false", "random", "true")));
			case "sslnegotiation":
				return put(properties, "sslNegotiation",
						choice(given, value, Map.of("postgres", "postgres", "direct", "direct")));
			case "channel_binding":
				return put(properties, "channelBinding",
						choice(given, value, Map.of("disable", "disable", "prefer", "prefer", "require", "require")));
			case "gssencmode":
				return put(properties, "gssEncMode", choice(given, value,
						Map.of("disable", "disable", "allow", "allow", "prefer", "prefer", "require", "require")));
			case "krbsrvname":
				return put(properties, "kerberosServerName", value);
			case "gsslib":
				return put(properties, "gsslib", choice(given, value, Map.of("gssapi", "gssapi", "sspi", "sspi")));
			case "require_auth":
				return put(properties, "requireAuth", value);
			case "sslrootcert":
				if (value.equals("system")) {
					throw refuse(given, "pgjdbc has no sslrootcert=system",
							"give the CA file's path, or leave sslrootcert out and add"
									+ " sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory to use Java's trust store");
				}
				return put(properties, "sslrootcert", value);
			case "client_encoding":
				String encoding = value.toUpperCase(Locale.ROOT).replace("-", "");
				if (!encoding.equals("UTF8")) {
					throw refuse(given, "pgjdbc always talks UTF8 to the server",
							"remove client_encoding (or give UTF8); the server converts to the database's encoding");
				}
				return name;
			case "sslsni":
				if (integer(given, value) == 0) {
					throw refuse(given, "Java always sends the host name (SNI) in the TLS handshake",
							"remove sslsni=0");
				}
				return name;
			default:
				break;
		}
		String hint = REFUSED.get(name);
		if (hint != null) {
			throw refuse(given, "pgjdbc, which migsh connects with, cannot honour it", hint);
		}
		if (PGJDBC_CONNECTION.contains(name)) {
			return put(properties, name, value);
		}
		if (PGProperty.forName(name) != null) {
			throw refuse(given, "it is a pgjdbc setting that changes how statements run, which migsh decides itself",
					"remove it from the URL; the connection parameters migsh passes on are listed in the README");
		}
		throw new MigshException(
				"unknown connection parameter '" + name + "' (from " + given.origin()
						+ "): neither libpq nor pgjdbc has it",
				"check its spelling; libpq keywords migsh honours: " + String.join(", ", honoured()));
	}

	private static String put(Map<String, String> properties, String property, String value) {
		properties.put(property, value);
		return property;
	}

	private static int integer(Given given, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new MigshException(given.name() + " '" + value + "' (from " + given.origin() + ") is not a number",
					"give a whole number, e.g. " + given.name() + "=10");
		}
	}

	private static String choice(Given given, String value, Map<String, String> choices) {
		String property = choices.get(value);
		if (property == null) {
			throw new MigshException(
					given.name() + " '" + value + "' (from " + given.origin() + ") is not a value libpq knows",
					"use one of: " + String.join(", ", new TreeSet<>(choices.keySet())));
		}
		return property;
	}

	private static MigshException refuse(Given given, String why, String hint) {
		return new MigshException(
				"connection parameter '" + given.name() + "' (from " + given.origin() + ") is not supported: " + why,
				hint);
	}

	/** The libpq keywords honoured, for messages and the README. */
	static Set<String> honoured() {
		Set<String> names = new TreeSet<>(SAME_IN_PGJDBC);
		names.addAll(Set.of("application_name", "fallback_application_name", "connect_timeout", "keepalives",
				"target_session_attrs", "load_balance_hosts", "sslnegotiation", "channel_binding", "gssencmode",
				"krbsrvname", "gsslib", "require_auth", "sslrootcert", "client_encoding", "sslsni", "passfile",
				"sslmode", "service", "host", "port", "dbname", "user", "password"));
		return names;
	}

	private static Map<String, String> refused() {
		Map<String, String> refused = new LinkedHashMap<>();
		String keepalive = "remove it: with keepalives=1 the host's net.ipv4.tcp_keepalive_* timings apply;"
				+ " the server's side can be set with options=-c tcp_keepalives_idle=60";
		refused.put("keepalives_idle", keepalive);
		refused.put("keepalives_interval", keepalive);
		refused.put("keepalives_count", keepalive);
		refused.put("tcp_user_timeout", "remove it; set the server's side with options=-c tcp_user_timeout=N"
				+ " (milliseconds), or bound the wait with connect_timeout");
		refused.put("hostaddr", "put the address in the host part of the URL (or host=) instead");
		refused.put("sslcrl", "remove it: pgjdbc does not read revocation lists");
		refused.put("sslcrldir", "remove it: pgjdbc does not read revocation lists");
		refused.put("sslcertmode", "remove it: pgjdbc sends the client certificate when sslcert names one");
		refused.put("sslkeylogfile", "remove it");
		refused.put("sslcompression", "remove it: SSL compression is disabled in every supported PostgreSQL");
		refused.put("ssl_min_protocol_version", "remove it: Java's TLS settings (jdk.tls.client.protocols) apply");
		refused.put("ssl_max_protocol_version", "remove it: Java's TLS settings (jdk.tls.client.protocols) apply");
		refused.put("requiressl", "use sslmode=require instead");
		refused.put("requirepeer", "remove it, or connect over TCP with a password or certificate");
		refused.put("replication", "remove it: migrations need a normal session, not a replication one");
		refused.put("gssdelegation", "remove it: pgjdbc does not delegate GSSAPI credentials");
		refused.put("min_protocol_version", "remove it: pgjdbc chooses the protocol version");
		refused.put("max_protocol_version", "remove it: pgjdbc chooses the protocol version");
		refused.put("scram_client_key", "remove it and give the password (PGPASSWORD, ~/.pgpass or the prompt)");
		refused.put("scram_server_key", "remove it and give the password (PGPASSWORD, ~/.pgpass or the prompt)");
		for (String oauth : new String[] { "oauth_issuer", "oauth_client_id", "oauth_client_secret", "oauth_scope" }) {
			refused.put(oauth, "remove it: pgjdbc does not support OAuth login");
		}
		refused.put("ssl", "use sslmode=require (or verify-full) instead of pgjdbc's ssl=true");
		return refused;
	}

	private static Map<String, String> variables() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("PGOPTIONS", "options");
		variables.put("PGAPPNAME", "application_name");
		variables.put("PGCONNECT_TIMEOUT", "connect_timeout");
		variables.put("PGTARGETSESSIONATTRS", "target_session_attrs");
		variables.put("PGLOADBALANCEHOSTS", "load_balance_hosts");
		variables.put("PGSSLROOTCERT", "sslrootcert");
		variables.put("PGSSLCERT", "sslcert");
		variables.put("PGSSLKEY", "sslkey");
		variables.put("PGSSLNEGOTIATION", "sslnegotiation");
		variables.put("PGCHANNELBINDING", "channel_binding");
		variables.put("PGGSSENCMODE", "gssencmode");
		variables.put("PGKRBSRVNAME", "krbsrvname");
		variables.put("PGGSSLIB", "gsslib");
		variables.put("PGREQUIREAUTH", "require_auth");
		variables.put("PGCLIENTENCODING", "client_encoding");
		variables.put("PGSSLSNI", "sslsni");
		variables.put("PGSSLCRL", "sslcrl");
		variables.put("PGSSLCRLDIR", "sslcrldir");
		variables.put("PGSSLCERTMODE", "sslcertmode");
		variables.put("PGSSLCOMPRESSION", "sslcompression");
		variables.put("PGSSLMINPROTOCOLVERSION", "ssl_min_protocol_version");
		variables.put("PGSSLMAXPROTOCOLVERSION", "ssl_max_protocol_version");
		variables.put("PGREQUIREPEER", "requirepeer");
		variables.put("PGHOSTADDR", "hostaddr");
		variables.put("PGGSSDELEGATION", "gssdelegation");
		return variables;
	}

}
