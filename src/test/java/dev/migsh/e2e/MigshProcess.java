package dev.migsh.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged jar as a user would, in its own working directory and migsh home, and
 * collects what it printed and its exit code.
 */
final class MigshProcess {

	record Result(int exitCode, String stdout, String stderr) {

		String all() {
			return this.stdout + this.stderr;
		}

	}

	static Path jar() {
		String jar = System.getProperty("migsh.jar", "target/migsh.jar");
		Path path = Path.of(jar).toAbsolutePath();
		if (!Files.exists(path)) {
			throw new IllegalStateException(
					"the packaged jar " + path + " is missing; these tests run after" + " 'package' (./mvnw verify)");
		}
		return path;
	}

	static Result run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar().toString()));
		command.addAll(List.of(args));
		return exec(command, workDir, env);
	}

	/**
	 * Runs the jar with these lines typed on its standard input, as a piped interactive
	 * session.
	 */
	static Result runTyping(Path workDir, Map<String, String> env, String input, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar().toString()));
		command.addAll(List.of(args));
		return exec(command, workDir, env, input);
	}

	static Result exec(List<String> command, Path workDir, Map<String, String> env)
			throws IOException, InterruptedException {
		return exec(command, workDir, env, "");
	}

	static Result exec(List<String> command, Path workDir, Map<String, String> env, String input)
			throws IOException, InterruptedException {
		ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
		Map<String, String> environment = pb.environment();
		for (String key : List.of("MIGSH_URL", "DATABASE_URL", "PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD",
				"PGSERVICE", "DB_HOST", "DB_PORT", "DB_DATABASE", "DB_USER", "DB_PASSWORD", "MIGSH_ENV")) {
			environment.remove(key);
		}
		environment.put("MIGSH_HOME", workDir.resolve(".migsh").toString());
		environment.putAll(env);
		Path out = Files.createTempFile(workDir, "stdout", ".txt");
		Path err = Files.createTempFile(workDir, "stderr", ".txt");
		pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
		Process process = pb.start();
		process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("migsh did not finish within 120 s: " + command);
		}
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The variables given; a test server reached through MIGSH_URL is development unless
	 * MIGSH_ENV says otherwise (migsh itself treats every server but the sandbox as
	 * production).
	 */
	static Map<String, String> env(String... pairs) {
		Map<String, String> env = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			env.put(pairs[i], pairs[i + 1]);
		}
		if (env.containsKey("MIGSH_URL")) {
			env.putIfAbsent("MIGSH_ENV", "development");
		}
		return env;
	}

	private MigshProcess() {
	}

}
