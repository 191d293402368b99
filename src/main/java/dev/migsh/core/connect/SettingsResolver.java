package dev.migsh.core.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.migsh.core.MigshException;

/**
 * Resolves connection settings and the environment from every source DESIGN.md names,
 * each setting from the highest source that gives it: the request, {@code MIGSH_URL} or
 * {@code DATABASE_URL}, {@code DB_*}, libpq's {@code PG*}, a {@code .env} file, then
 * {@code pg_service.conf}, defaults and {@code .pgpass}. The environment variables are
 * passed in, never read from the process, so the outcome depends only on the arguments
 * and files.
 */
public final class SettingsResolver {

	static final String DEFAULT = "default";

	private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
			"verify-full");

	/** Resolves with the environment taken from {@code MIGSH_ENV} or inferred. */
	public Resolution resolve(ConnectRequest request, Map<String, String> env, Path workingDir, Path home) {
		return resolve(request, null, env, workingDir, home);
	}

	/**
	 * Resolves the settings; {@code environmentFlag} is the {@code --env} value, or
	 * {@code null}. Nothing naming a URL, host, database or service anywhere gives an
	 * empty (sandbox) result.
	 */
	public Resolution resolve(ConnectRequest request, String environmentFlag, Map<String, String> env, Path workingDir,
			Path home) {
		return resolve(request, environmentFlag, null, env, workingDir, home);
	}

	/**
	 * Resolves the settings with a target of the project file (or null): one chosen by
	 * name ranks just below the request; one the file chooses by default is used only
	 * when neither the request, the environment variables nor {@code .env} name a server.
	 */
	public Resolution resolve(ConnectRequest request, String environmentFlag, ProjectTarget chosen,
			Map<String, String> env, Path workingDir, Path home) {
		ProjectTarget target = chosen;
		ConnectRequest asked = (request != null) ? request : ConnectRequest.none();
		Map<String, String> dotEnv = DotEnvFile.read(workingDir.resolve(".env"));
		FoundSettings found = new FoundSettings();
		offerRequest(found, asked);
		if (target != null && target.explicit()) {
			offerTarget(found, target);
		}
		offerVariables(found, env, UnaryOperator.identity());
		offerVariables(found, dotEnv, (name) -> ".env (" + name + ")");
		if (target != null && !target.explicit()) {
			// the file's default target is for when nothing else names a server: its
			// parts (and its environment) must not mix into another server's settings
			if (found.configured()) {
				target = null;
			}
			else {
				offerTarget(found, target);
			}
		}
		if (!found.configured()) {
			return new Resolution(Optional.empty(), environment(environmentFlag, target, env, dotEnv, null));
		}
		if (found.service() != null) {
			offerService(found, env, dotEnv, workingDir, home);
		}
		found.offer(Setting.HOST, "localhost", DEFAULT);
		found.offer(Setting.PORT, "5432", DEFAULT);
		found.offer(Setting.USER, defaultUser(env), DEFAULT);
		found.offer(Setting.DATABASE, found.value(Setting.USER), DEFAULT);
		found.offer(Setting.SSLMODE, "prefer", DEFAULT);
		int port = port(found);
		String sslMode = sslMode(found);
		if (found.password() == null) {
			offerPgPass(found, port, env, dotEnv, workingDir, home);
		}
		ConnectionOptions options = ConnectionParameters.toOptions(found.parameters());
		ConnectionSettings settings = new ConnectionSettings(found.value(Setting.HOST), port,
				found.value(Setting.DATABASE), found.value(Setting.USER), found.password(), sslMode, found.origins(),
				options);
		return new Resolution(Optional.of(settings), environment(environmentFlag, target, env, dotEnv, settings));
	}

	private static void offerTarget(FoundSettings found, ProjectTarget target) {
		if (target.url() != null) {
			found.offerUrl(target.url(), target.origin("url"));
		}
		found.offer(Setting.HOST, target.host(), target.origin("host"));
		found.offer(Setting.PORT, (target.port() != null) ? target.port().toString() : null, target.origin("port"));
		found.offer(Setting.DATABASE, target.database(), target.origin("database"));
		found.offer(Setting.USER, target.user(), target.origin("user"));
		found.offerPassword(target.password(), target.origin("password"));
		found.offer(Setting.SSLMODE, target.sslMode(), target.origin("sslmode"));
		found.offerService(target.service(), target.origin("service"));
	}

	private static void offerRequest(FoundSettings found, ConnectRequest request) {
		found.offer(Setting.HOST, request.host(), "--host");
		found.offer(Setting.PORT, (request.port() != null) ? request.port().toString() : null, "--port");
		found.offer(Setting.DATABASE, request.database(), "--database");
		found.offer(Setting.USER, request.user(), "--user");
		found.offer(Setting.SSLMODE, request.sslMode(), "--sslmode");
		found.offerService(request.service(), "--service");
		if (present(request.url())) {
			found.offerUrl(PostgresUrl.parse(request.url(), "--url"), "--url");
		}
	}

	/**
	 * One level of variables (the process environment or .env), inner order URL, DB_*,
	 * PG*.
	 */
	private static void offerVariables(FoundSettings found, Map<String, String> variables,
			UnaryOperator<String> origin) {
		String urlName = present(variables.get("MIGSH_URL")) ? "MIGSH_URL"
				: present(variables.get("DATABASE_URL")) ? "DATABASE_URL" : null;
		if (urlName != null) {
			String source = origin.apply(urlName);
			found.offerUrl(PostgresUrl.parse(variables.get(urlName), source), source);
		}
		offerNamed(found, variables, origin, "DB_HOST", "DB_PORT", "DB_DATABASE", "DB_USER", "DB_PASSWORD", null);
		offerNamed(found, variables, origin, "PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSSLMODE");
		found.offerService(variables.get("PGSERVICE"), origin.apply("PGSERVICE"));
		ConnectionParameters.VARIABLES.forEach((variable, keyword) -> {
			if (present(variables.get(variable))) {
				found.offerParameter(keyword, variables.get(variable), origin.apply(variable));
			}
		});
	}

	private static void offerNamed(FoundSettings found, Map<String, String> variables, UnaryOperator<String> origin,
			String host, String port, String database, String user, String password, String sslMode) {
		found.offer(Setting.HOST, variables.get(host), origin.apply(host));
		found.offer(Setting.PORT, variables.get(port), origin.apply(port));
		found.offer(Setting.DATABASE, variables.get(database), origin.apply(database));
		found.offer(Setting.USER, variables.get(user), origin.apply(user));
		found.offerPassword(Secret.ofNullable(variables.get(password)), origin.apply(password));
		if (sslMode != null) {
			found.offer(Setting.SSLMODE, variables.get(sslMode), origin.apply(sslMode));
		}
	}

	private static void offerService(FoundSettings found, Map<String, String> env, Map<String, String> dotEnv,
			Path workingDir, Path home) {
		String name = found.service();
		// like libpq: the user's file (PGSERVICEFILE, else ~/.pg_service.conf), then the
		// system-wide one
		List<Path> files = new ArrayList<>();
		String serviceFile = variable("PGSERVICEFILE", env, dotEnv);
		if (serviceFile != null) {
			Path file = workingDir.resolve(serviceFile);
			if (!Files.isRegularFile(file)) {
				throw new MigshException("PGSERVICEFILE names " + file + ", which does not exist",
						"Point PGSERVICEFILE at your pg_service.conf, or unset it.");
			}
			files.add(file);
		}
		else if (Files.isRegularFile(home.resolve(".pg_service.conf"))) {
			files.add(home.resolve(".pg_service.conf"));
		}
		String sysConfDir = variable("PGSYSCONFDIR", env, dotEnv);
		if (sysConfDir != null && Files.isRegularFile(workingDir.resolve(sysConfDir).resolve("pg_service.conf"))) {
			files.add(workingDir.resolve(sysConfDir).resolve("pg_service.conf"));
		}
		for (Path file : files) {
			Optional<Map<String, String>> section = PgServiceFile.section(file, name);
			if (section.isPresent()) {
				Map<String, String> values = section.get();
				String origin = "pg_service.conf [" + name + "]";
				found.offer(Setting.HOST, values.getOrDefault("host", values.get("hostaddr")), origin);
				found.offer(Setting.PORT, values.get("port"), origin);
				found.offer(Setting.DATABASE, values.get("dbname"), origin);
				found.offer(Setting.USER, values.get("user"), origin);
				found.offerPassword(Secret.ofNullable(values.get("password")), origin);
				found.offer(Setting.SSLMODE, values.get("sslmode"), origin);
				// hostaddr stands in for a missing host; beside a host, pgjdbc cannot
				// honour it
				found.offerParameters(values, values.containsKey("host")
						? Set.of("host", "port", "dbname", "user", "password", "sslmode", "service")
						: Set.of("host", "hostaddr", "port", "dbname", "user", "password", "sslmode", "service"),
						origin);
				return;
			}
		}
		String looked = files.isEmpty()
				? "no service file was found (looked for " + home.resolve(".pg_service.conf") + ((sysConfDir != null)
						? " and " + workingDir.resolve(sysConfDir).resolve("pg_service.conf") : "") + ")"
				: "it is not in " + files;
		throw new MigshException("Unknown service '" + name + "' (from " + found.serviceOrigin() + "): " + looked,
				"Add a [" + name + "] section to ~/.pg_service.conf or the file PGSERVICEFILE names,"
						+ " or connect with a URL instead.");
	}

	private static void offerPgPass(FoundSettings found, int port, Map<String, String> env, Map<String, String> dotEnv,
			Path workingDir, Path home) {
		ConnectionParameters.Given passfile = found.parameter("passfile");
		String named = (passfile != null) ? passfile.value() : variable("PGPASSFILE", env, dotEnv);
		Path file = (named != null) ? workingDir.resolve(named) : home.resolve(".pgpass");
		String origin = (passfile != null) ? "passfile (" + file + ", from " + passfile.origin() + ")"
				: (named != null) ? "PGPASSFILE (" + file + ")" : "~/.pgpass";
		PgPassFile
			.password(file, found.value(Setting.HOST), port, found.value(Setting.DATABASE), found.value(Setting.USER))
			.ifPresent((password) -> found.offerPassword(password, origin));
	}

	private static EnvironmentChoice environment(String flag, ProjectTarget target, Map<String, String> env,
			Map<String, String> dotEnv, ConnectionSettings settings) {
		if (present(flag)) {
			return new EnvironmentChoice(Environment.parse(flag, "--env"), false, "--env");
		}
		boolean targetEnv = target != null && present(target.environment());
		if (targetEnv && target.explicit()) {
			return targetEnvironment(target);
		}
		if (present(env.get("MIGSH_ENV"))) {
			return new EnvironmentChoice(Environment.parse(env.get("MIGSH_ENV"), "MIGSH_ENV"), false, "MIGSH_ENV");
		}
		if (present(dotEnv.get("MIGSH_ENV"))) {
			String origin = ".env (MIGSH_ENV)";
			return new EnvironmentChoice(Environment.parse(dotEnv.get("MIGSH_ENV"), origin), false, origin);
		}
		if (targetEnv) {
			return targetEnvironment(target);
		}
		if (settings == null) {
			return new EnvironmentChoice(Environment.DEVELOPMENT, true, ConnectionSettings.SANDBOX);
		}
		// Only the sandbox is development by default: an ops engineer on the production
		// host
		// reaches it as localhost, so a local address says nothing about the environment.
		return new EnvironmentChoice(Environment.PRODUCTION, true,
				"host " + settings.host() + ", not the sandbox; --env or MIGSH_ENV says otherwise");
	}

	private static EnvironmentChoice targetEnvironment(ProjectTarget target) {
		String origin = target.origin("env");
		return new EnvironmentChoice(Environment.parse(target.environment(), origin), false, origin);
	}

	private static int port(FoundSettings found) {
		String text = found.value(Setting.PORT);
		try {
			int port = Integer.parseInt(text.strip());
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new MigshException(found.origin(Setting.PORT) + " gives port '" + text + "', which is not a port",
				"Give a port number from 1 to 65535, such as 5432.");
	}

	private static String sslMode(FoundSettings found) {
		String mode = found.value(Setting.SSLMODE);
		if (!SSL_MODES.contains(mode)) {
			throw new MigshException(
					found.origin(Setting.SSLMODE) + " gives sslmode '" + mode + "', which PostgreSQL does not know",
					"Use one of: disable, allow, prefer, require, verify-ca, verify-full.");
		}
		return mode;
	}

	private static String defaultUser(Map<String, String> env) {
		return present(env.get("USER")) ? env.get("USER") : System.getProperty("user.name");
	}

	private static String variable(String name, Map<String, String> env, Map<String, String> dotEnv) {
		return present(env.get(name)) ? env.get(name) : present(dotEnv.get(name)) ? dotEnv.get(name) : null;
	}

	static boolean present(String text) {
		return text != null && !text.isBlank();
	}

}
