package dev.migsh.core.connect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.migsh.core.MigshException;

/**
 * A parsed {@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql://} URL,
 * every part percent-decoded. Absent parts are {@code null}; the password never shows in
 * {@link #toString()} or {@link #redacted()}.
 *
 * @param parameters query parameters other than {@code user} and {@code password}
 */
public record PostgresUrl(String user, Secret password, String host, Integer port, String database,
		Map<String, String> parameters) {

	static final String EXAMPLE = "postgresql://user:password@db.example.com:5432/app?sslmode=require";

	public PostgresUrl {
		parameters = Map.copyOf(parameters);
	}

	/**
	 * Parses a URL; a malformed one gives a MigshException showing it with the password
	 * masked.
	 */
	public static PostgresUrl parse(String url) {
		return parse(url, "the URL");
	}

	/**
	 * Parses a URL, naming where it came from ({@code MIGSH_URL}, {@code --url}) in an
	 * error.
	 */
	static PostgresUrl parse(String url, String source) {
		try {
			return new Parser(url).parse();
		}
		catch (IllegalArgumentException ex) {
			throw new MigshException(source + " is not a PostgreSQL URL (" + ex.getMessage() + "): " + redactRaw(url),
					"Give a URL like " + EXAMPLE + "; percent-encode special characters in the password"
							+ " (/ as %2F, @ as %40, : as %3A).");
		}
	}

	/**
	 * A URL that could not be parsed, its password masked generously: everything between
	 * {@code user:} and the last {@code @}, and every {@code password=} parameter value.
	 */
	static String redactRaw(String url) {
		if (url == null) {
			return null;
		}
		// parameters first, so an @ inside a password parameter is not taken for the
		// userinfo's end
		String masked = url.replaceAll("(?i)([?&](?:ssl)?password=)[^&]*", "$1" + Secret.MASK);
		int schemeEnd = masked.indexOf("://");
		int at = masked.lastIndexOf('@');
		int colon = (schemeEnd < 0) ? -1 : masked.indexOf(':', schemeEnd + 3);
		if (schemeEnd >= 0 && colon >= 0 && colon < at) {
			masked = masked.substring(0, colon + 1) + Secret.MASK + masked.substring(at);
		}
		return masked;
	}

	public String sslMode() {
		return this.parameters.get("sslmode");
	}

	public String service() {
		return this.parameters.get("service");
	}

	public String applicationName() {
		return this.parameters.get("application_name");
	}

	/**
	 * The URL for display: {@code postgresql://user:****@host:port/db?params}, never the
	 * password.
	 */
	public String redacted() {
		StringBuilder out = new StringBuilder("postgresql://");
		if (this.user != null) {
			out.append(PercentEncoding.encode(this.user));
		}
		if (this.password != null) {
			out.append(':').append(Secret.MASK);
		}
		if (this.user != null || this.password != null) {
			out.append('@');
		}
		if (this.host != null) {
			out.append(this.host.contains(":") ? "[" + this.host + "]" : PercentEncoding.encode(this.host));
		}
		if (this.port != null) {
			out.append(':').append(this.port);
		}
		if (this.database != null) {
			out.append('/').append(PercentEncoding.encode(this.database));
		}
		if (!this.parameters.isEmpty()) {
			out.append('?')
				.append(this.parameters.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map((e) -> PercentEncoding.encode(e.getKey()) + "="
							+ (e.getKey().equals("sslpassword") ? Secret.MASK : PercentEncoding.encode(e.getValue())))
					.collect(Collectors.joining("&")));
		}
		return out.toString();
	}

	@Override
	public String toString() {
		return redacted();
	}

	private static final class Parser {

		private final String url;

		Parser(String url) {
			if (url == null || url.isBlank()) {
				throw new IllegalArgumentException("it is empty");
			}
			this.url = url.strip();
		}

		PostgresUrl parse() {
			String rest = withoutScheme();
			// like libpq: the authority ends at the first / or ?, so those must be
			// encoded in a password
			int authorityEnd = firstOf(rest, '/', '?');
			String authority = rest.substring(0, authorityEnd);
			String tail = rest.substring(authorityEnd);
			String user = null;
			String password = null;
			int at = authority.lastIndexOf('@');
			if (at >= 0) {
				String userInfo = authority.substring(0, at);
				authority = authority.substring(at + 1);
				int colon = userInfo.indexOf(':');
				user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
				password = (colon < 0) ? null : decode(userInfo.substring(colon + 1), "password");
			}
			String host;
			String portText = null;
			if (authority.startsWith("[")) {
				int close = authority.indexOf(']');
				if (close < 0) {
					throw new IllegalArgumentException("an IPv6 host lacks its closing ]");
				}
				host = authority.substring(1, close);
				String after = authority.substring(close + 1);
				if (!after.isEmpty()) {
					if (!after.startsWith(":")) {
						throw new IllegalArgumentException("unexpected text after the IPv6 host");
					}
					portText = after.substring(1);
				}
			}
			else {
				int colon = authority.indexOf(':');
				host = decode(colon < 0 ? authority : authority.substring(0, colon), "host");
				portText = (colon < 0) ? null : authority.substring(colon + 1);
			}
			Integer port = (portText == null || portText.isEmpty()) ? null : port(portText);
			String database = null;
			Map<String, String> parameters = new LinkedHashMap<>();
			int question = tail.indexOf('?');
			String path = (question < 0) ? tail : tail.substring(0, question);
			if (path.startsWith("/") && path.length() > 1) {
				database = decode(path.substring(1), "database");
			}
			if (question >= 0) {
				for (String pair : tail.substring(question + 1).split("&")) {
					if (pair.isEmpty()) {
						continue;
					}
					int eq = pair.indexOf('=');
					if (eq <= 0) {
						throw new IllegalArgumentException("a query parameter is not name=value");
					}
					String name = decode(pair.substring(0, eq), "parameter name");
					String value = decode(pair.substring(eq + 1), "parameter " + name);
					parameters.putIfAbsent(name, value);
				}
			}
			// jdbc-style URLs carry the credentials, and libpq-style ones may carry the
			// host, as parameters
			String passwordParameter = parameters.remove("password");
			String userParameter = parameters.remove("user");
			user = (user == null || user.isEmpty()) ? userParameter : user;
			password = (password == null) ? passwordParameter : password;
			if (host.isEmpty()) {
				host = parameters.remove("host");
			}
			if (port == null && parameters.containsKey("port")) {
				port = port(parameters.remove("port"));
			}
			if (database == null) {
				database = parameters.remove("dbname");
			}
			return new PostgresUrl(emptyToNull(user), Secret.ofNullable(password), emptyToNull(host), port,
					emptyToNull(database), parameters);
		}

		private String withoutScheme() {
			String lower = this.url.toLowerCase(Locale.ROOT);
			for (String scheme : new String[] { "jdbc:postgresql://", "postgresql://", "postgres://" }) {
				if (lower.startsWith(scheme)) {
					return this.url.substring(scheme.length());
				}
			}
			throw new IllegalArgumentException("it must start with postgresql://, postgres:// or jdbc:postgresql://");
		}

		private static int firstOf(String text, char a, char b) {
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) == a || text.charAt(i) == b) {
					return i;
				}
			}
			return text.length();
		}

		private static Integer port(String text) {
			try {
				int port = Integer.parseInt(text);
				if (port >= 1 && port <= 65535) {
					return port;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException("the port is not a number from 1 to 65535");
		}

		private static String decode(String text, String part) {
			try {
				return PercentEncoding.decode(text);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("in the " + part + ", " + ex.getMessage());
			}
		}

		private static String emptyToNull(String text) {
			return (text == null || text.isEmpty()) ? null : text;
		}

	}

}
