package dev.migsh.core.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;

/**
 * A home and a working directory of their own, and a process environment that holds only
 * {@code USER=alice} unless a test adds more.
 */
abstract class ResolverFixture {

	@TempDir
	Path home;

	@TempDir
	Path work;

	final SettingsResolver resolver = new SettingsResolver();

	static Map<String, String> env(String... pairs) {
		Map<String, String> env = new HashMap<>();
		env.put("USER", "alice");
		for (int i = 0; i < pairs.length; i += 2) {
			env.put(pairs[i], pairs[i + 1]);
		}
		return env;
	}

	Resolution resolve(Map<String, String> env) {
		return this.resolver.resolve(ConnectRequest.none(), env, this.work, this.home);
	}

	Resolution resolve(ConnectRequest request, Map<String, String> env) {
		return this.resolver.resolve(request, env, this.work, this.home);
	}

	ConnectionSettings settings(Map<String, String> env) {
		return resolve(env).settings().orElseThrow();
	}

	ConnectionSettings settings(ConnectRequest request, Map<String, String> env) {
		return resolve(request, env).settings().orElseThrow();
	}

	static ConnectRequest request(String url, String host, Integer port, String database, String user) {
		return new ConnectRequest(url, host, port, database, user, null, null);
	}

	Path write(Path dir, String name, String... lines) {
		try {
			return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path dotEnv(String... lines) {
		return write(this.work, ".env", lines);
	}

}
