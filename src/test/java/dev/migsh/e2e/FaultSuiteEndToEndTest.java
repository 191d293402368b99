package dev.migsh.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 8, the process-level faults, through the packaged jar: concurrent
 * appliers, and SIGKILL / SIGTERM / SIGINT at random moments of a 100-migration apply
 * that mixes transactional and non-transactional migrations. Each trial checks the
 * invariants: no migration applied twice, history and schema agree (a failed row never
 * claims fewer statements than ran, and offers a way out), no advisory lock left, no
 * stack trace and no password in the output, a message that matches what happened.
 * <p>
 * The short form runs in {@code ./mvnw verify}; {@code bench/faults.sh} runs the long
 * form ({@code -Dmigsh.faults.long=true}: 30 rounds and 30 trials each) and prints the
 * table, which is also written to {@code target/faults.txt}.
 */
@ExtendWith(FreshDatabase.class)
class FaultSuiteEndToEndTest {

	private static final boolean LONG = Boolean.getBoolean("migsh.faults.long");

	private static final String PASSWORD = "Fault-Pw-7731";

	private static final int MIGRATIONS = 100;

	@TempDir
	Path dir;

	private final FaultTally tally = new FaultTally();

	private final Random random = new Random(Long.getLong("migsh.faults.seed", System.nanoTime()));

	@Test
	void theInvariantsHoldUnderConcurrencyAndSignals(TestDatabase server) throws Exception {
		int rounds = LONG ? 30 : 1;
		for (int round = 0; round < rounds; round++) {
			try (TestDatabase db = database(server, "fault_c" + round)) {
				concurrent(db, LONG ? 2 + this.random.nextInt(3) : 2);
			}
		}
		// the short form: a SIGTERM and a SIGKILL; the long form: 30 trials, 10 of each
		String[] signals = { "TERM", "KILL", "INT" };
		int trials = LONG ? 30 : 2;
		for (int trial = 0; trial < trials; trial++) {
			try (TestDatabase db = database(server, "fault_k" + trial)) {
				killed(db, signals[trial % signals.length]);
			}
		}
		String table = this.tally.table();
		System.out.println(table);
		this.tally.write(Path.of("target", LONG ? "faults.txt" : "faults-short.txt"));
		assertThat(this.tally.violations()).as(table).isEmpty();
	}

	private static TestDatabase database(TestDatabase server, String name) {
		server.jdbc().execute("DROP DATABASE IF EXISTS " + name);
		server.jdbc().execute("CREATE DATABASE " + name);
		return new TestDatabase(name, server.port());
	}

	/**
	 * 100 migrations; every fifth runs without a transaction (three statements). Each
	 * records its run in {@code runs}, so running twice shows.
	 */
	private Path migrations(String sleep) throws Exception {
		Path folder = Files.createDirectories(this.dir.resolve("m" + System.nanoTime()));
		Files.writeString(folder.resolve("000-runs.sql"), "-- migrate:up\nCREATE TABLE runs (id text);\n");
		for (int i = 1; i <= MIGRATIONS; i++) {
			String n = String.format("%03d", i);
			String body = (i % 5 == 0)
					? "-- migrate:up transaction:false\nCREATE TABLE a" + n + " (id int);\n"
							+ "INSERT INTO runs VALUES ('" + n + "');\nSELECT pg_sleep(" + sleep + ");\nCREATE TABLE b"
							+ n + " (id int);\n"
					: "-- migrate:up\nCREATE TABLE a" + n + " (id int);\nINSERT INTO runs VALUES ('" + n
							+ "');\nSELECT pg_sleep(" + sleep + ");\n";
			Files.writeString(folder.resolve(n + "-m" + n + ".sql"), body);
		}
		return folder;
	}

	private Process start(TestDatabase db, Path folder, Path out, String... command) throws Exception {
		List<String> args = new ArrayList<>(
				List.of(MigshProcess.javaExecutable(), "-XX:TieredStopAtLevel=1", "-jar", MigshProcess.jar().toString(),
						"--url", db.url(), "--env", "development", "--migrations", folder.toString()));
		args.addAll(List.of(command));
		ProcessBuilder pb = new ProcessBuilder(args).directory(this.dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(out.toFile());
		Map<String, String> env = pb.environment();
		env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("MIGSH_") || k.startsWith("DB_"));
		env.put("PGPASSWORD", PASSWORD);
		env.put("MIGSH_HOME", this.dir.resolve(".migsh").toString());
		return pb.start();
	}

	private void concurrent(TestDatabase db, int appliers) throws Exception {
		Path folder = migrations("0");
		List<Process> processes = new ArrayList<>();
		List<Path> outputs = new ArrayList<>();
		for (int i = 0; i < appliers; i++) {
			Path out = this.dir.resolve("c" + i + "-" + System.nanoTime() + ".txt");
			outputs.add(out);
			processes.add(start(db, folder, out, "apply", "--yes", "--lock-wait", "120s"));
		}
		List<String> found = new ArrayList<>();
		int applied = 0;
		for (int i = 0; i < appliers; i++) {
			Process p = processes.get(i);
			if (!p.waitFor(180, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				found.add("applier " + i + " did not finish within 180 s");
				continue;
			}
			String output = Files.readString(outputs.get(i));
			output(output, found);
			if (p.exitValue() != 0) {
				found.add("applier " + i + " exited " + p.exitValue() + ": " + tail(output));
			}
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("Applied (\\d+) migration").matcher(output);
			applied += m.find() ? Integer.parseInt(m.group(1)) : 0;
		}
		if (applied != MIGRATIONS + 1) {
			found.add("the appliers reported " + applied + " migrations applied, not " + (MIGRATIONS + 1));
		}
		consistent(db, found);
		this.tally.trial("concurrent appliers (2-4 processes)", found);
	}

	private void killed(TestDatabase db, String signal) throws Exception {
		Path folder = migrations("0.01");
		Path out = this.dir.resolve("k-" + System.nanoTime() + ".txt");
		Process p = start(db, folder, out, "apply", "--yes");
		List<String> found = new ArrayList<>();
		waitForHistory(db);
		Thread.sleep(this.random.nextInt(2500));
		boolean finished = !p.isAlive();
		new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
		if (!p.waitFor(30, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			found.add("migsh did not exit within 30 s of SIG" + signal);
		}
		String output = Files.readString(out);
		output(output, found);
		if (!signal.equals("KILL") && !finished && p.exitValue() != 0) {
			int expected = signal.equals("TERM") ? 143 : 1;
			if (p.exitValue() != expected) {
				found.add("SIG" + signal + " exited " + p.exitValue() + ", not " + expected + ": " + tail(output));
			}
			if (!output.contains("Cancelled")) {
				found.add("SIG" + signal + " printed no cancellation: " + tail(output));
			}
		}
		if (output.contains("Cancelled: ")) {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("Cancelled: (\\d{3})-").matcher(output);
			if (m.find() && output.contains("was rolled back") && tableExists(db.jdbc(), "a" + m.group(1))) {
				found.add("said " + m.group(1) + " was rolled back, but its table exists");
			}
		}
		waitForNoLock(db, found);
		consistent(db, found);
		boolean failedRow = db.jdbc()
			.queryForObject("SELECT count(*) FROM migsh.history WHERE state = 'failed'", Integer.class) > 0;
		if (failedRow) {
			// a non-transactional migration stopped half-way: status must say so and
			// offer
			// the way out
			Path status = this.dir.resolve("s-" + System.nanoTime() + ".txt");
			Process s = start(db, folder, status, "status");
			s.waitFor(120, TimeUnit.SECONDS);
			String statusOutput = Files.readString(status);
			output(statusOutput, found);
			if (!statusOutput.contains("apply --resume")) {
				found.add("a failed row, and status offers no way out: " + tail(statusOutput));
			}
		}
		boolean late = finished || (p.exitValue() == 0 && !signal.equals("KILL"));
		this.tally.trial("SIG" + signal + " during a 100-migration apply" + (late ? " (after it ended)" : "")
				+ (failedRow ? " (mid no-tx)" : ""), found);
	}

	/** No stack trace and no password in what migsh printed. */
	private static void output(String output, List<String> found) {
		if (output.contains("\tat ") || output.contains("Exception in thread")) {
			found.add("a stack trace in the output: " + tail(output));
		}
		if (output.contains(PASSWORD)) {
			found.add("the password in the output");
		}
	}

	/**
	 * Each migration ran at most once; a transactional one is in the history exactly when
	 * its table exists; a failed non-transactional row never claims fewer statements than
	 * ran, nor more.
	 */
	private static void consistent(TestDatabase db, List<String> found) {
		JdbcTemplate jdbc = db.jdbc();
		if (!tableExists(jdbc, "runs")) {
			return;
		}
		for (Map<String, Object> row : jdbc
			.queryForList("SELECT id, count(*) AS n FROM runs GROUP BY id HAVING count(*) > 1")) {
			found.add("migration " + row.get("id") + " ran " + row.get("n") + " times");
		}
		Map<String, Map<String, Object>> history = new java.util.HashMap<>();
		for (Map<String, Object> row : jdbc
			.queryForList("SELECT version, state, statements_done, failed_statement FROM migsh.history")) {
			history.put(String.valueOf(row.get("version")), row);
		}
		for (int i = 1; i <= MIGRATIONS; i++) {
			String n = String.format("%03d", i);
			Map<String, Object> row = history.get(n);
			boolean a = tableExists(jdbc, "a" + n);
			if (i % 5 != 0) {
				boolean ran = runs(jdbc, n) == 1;
				if ((row != null) != a || a != ran) {
					found.add(n + " (transactional): history " + (row == null ? "none" : row.get("state")) + ", table "
							+ (a ? "exists" : "absent") + ", runs " + runs(jdbc, n));
				}
				continue;
			}
			// what each statement leaves: a table, a row, nothing to see (pg_sleep), a
			// table
			Boolean[] effects = { a, runs(jdbc, n) == 1, null, tableExists(jdbc, "b" + n) };
			if (row == null) {
				if (a) {
					found.add(n + " (no transaction): not in the history, yet its first statement ran");
				}
				continue;
			}
			int done = "applied".equals(row.get("state")) ? 4 : ((Number) row.get("statements_done")).intValue();
			for (int k = 1; k <= 4; k++) {
				Boolean effect = effects[k - 1];
				// statement done + 1 was running: it may or may not have completed
				if (effect != null && ((k <= done && !effect) || (k > done + 1 && effect))) {
					found.add(n + " (no transaction): history " + row.get("state") + " " + done + "/4, but statement "
							+ k + (effect ? " ran" : " did not run"));
				}
			}
		}
	}

	private static int runs(JdbcTemplate jdbc, String n) {
		return jdbc.queryForObject("SELECT count(*) FROM runs WHERE id = ?", Integer.class, n);
	}

	private static boolean tableExists(JdbcTemplate jdbc, String table) {
		return Boolean.TRUE
			.equals(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, "public." + table));
	}

	private static void waitForHistory(TestDatabase db) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline) {
			if (tableExists(db.jdbc(), "runs")) {
				return;
			}
			Thread.sleep(50);
		}
	}

	private static void waitForNoLock(TestDatabase db, List<String> found) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		int locks = 1;
		while (System.nanoTime() < deadline) {
			locks = db.jdbc()
				.queryForObject("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
						+ " WHERE l.locktype = 'advisory' AND d.datname = current_database()", Integer.class);
			if (locks == 0) {
				return;
			}
			Thread.sleep(100);
		}
		found.add(locks + " advisory lock(s) left 10 s after migsh exited");
	}

	private static String tail(String output) {
		String s = output.strip();
		return s.length() > 400 ? "..." + s.substring(s.length() - 400) : s;
	}

}
