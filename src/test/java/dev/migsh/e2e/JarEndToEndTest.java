package dev.migsh.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;
import dev.migsh.testing.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar, run as a user runs it: one-shot, scripts, errors, secrets. */
@ExtendWith(FreshDatabase.class)
class JarEndToEndTest {

	@TempDir
	Path dir;

	@Test
	void oneShotInfoPrintsTheConnectionAndExitsZero(TestDatabase db) throws Exception {
		MigshProcess.Result r = MigshProcess.run(this.dir, MigshProcess.env(), "--url", db.url(), "info");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.stdout()).contains("PostgreSQL 17").contains(db.name()).contains("--url");
		assertThat(r.stdout()).doesNotContain("\u001b[").doesNotContain("INFO").doesNotContain("WARN");
		assertThat(r.stderr()).isEmpty();
	}

	@Test
	void aOneShotCommandLogsToMigshHomeAndToStderrOnlyWithVerbose(TestDatabase db) throws Exception {
		// one-shot runs start no Spring context: logging is set up by hand, the same way
		MigshProcess.Result quiet = MigshProcess.run(this.dir, MigshProcess.env(), "--url", db.url(), "info");
		assertThat(quiet.exitCode()).as(quiet.all()).isZero();
		Path log = this.dir.resolve(".migsh/logs/migsh.log");
		assertThat(Files.readString(log)).contains("INFO").contains("migsh - Start completed");
		assertThat(quiet.all()).doesNotContain("Start completed");
		MigshProcess.Result verbose = MigshProcess.run(this.dir, MigshProcess.env(), "--verbose", "--url", db.url(),
				"info");
		assertThat(verbose.exitCode()).as(verbose.all()).isZero();
		assertThat(verbose.stdout()).doesNotContain("Start completed");
		assertThat(verbose.stderr()).contains("INFO").contains("Start completed");
	}

	@Test
	void aScriptEchoesEachCommandAfterThePromptThenItsOutput(TestDatabase db) throws Exception {
		db.jdbc().execute("CREATE TABLE widgets (id int)");
		Path script = Files.writeString(this.dir.resolve("check.msh"), "# a check\n\ninfo\ntables\n");
		MigshProcess.Result r = MigshProcess.run(this.dir, MigshProcess.env(), "--url", db.url(), "--script",
				script.toString());
		assertThat(r.exitCode()).as(r.all()).isZero();
		int info = r.stdout().indexOf("> info");
		int tables = r.stdout().indexOf("> tables");
		assertThat(info).isNotNegative();
		assertThat(tables).isGreaterThan(info);
		assertThat(r.stdout().substring(info, tables)).contains("PostgreSQL 17");
		assertThat(r.stdout().substring(tables)).contains("widgets");
		assertThat(r.stdout()).doesNotContain("a check");
	}

	@Test
	void aScriptWithAnUnknownCommandOnLineTwoRunsNothing(TestDatabase db) throws Exception {
		Path script = Files.writeString(this.dir.resolve("bad.msh"), "info\nnosuch thing\ntables\n");
		MigshProcess.Result r = MigshProcess.run(this.dir, MigshProcess.env(), "--url", db.url(), "--script",
				script.toString());
		assertThat(r.exitCode()).isEqualTo(2);
		assertThat(r.stderr()).contains("bad.msh:2: unknown command 'nosuch'").contains("nothing was run");
		assertThat(r.stdout()).doesNotContain("> info").doesNotContain("> tables");
	}

	@Test
	void aScriptStopsAtTheFirstFailingCommand(TestDatabase db) throws Exception {
		Path script = Files.writeString(this.dir.resolve("fail.msh"),
				"info\nconnect --host 127.0.0.1 --port 1\ntables\n");
		MigshProcess.Result r = MigshProcess.run(this.dir, MigshProcess.env(), "--url", db.url(), "--script",
				script.toString());
		assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
		assertThat(r.stdout()).contains("> info")
			.contains("> connect --host 127.0.0.1 --port 1")
			.doesNotContain("> tables");
		assertThat(r.stderr()).contains("Error: could not connect").contains("stopped at line 2");
	}

	@Test
	void anUnknownOptionIsAUsageErrorWithAHintAndNoStackTrace(TestDatabase db) throws Exception {
		MigshProcess.Result r = MigshProcess.run(this.dir, MigshProcess.env(), "--url", db.url(), "tables", "--jsn");
		assertThat(r.exitCode()).isEqualTo(2);
		assertThat(r.stderr()).contains("Error: tables: unknown option '--jsn'").contains("Hint: did you mean --json?");
		assertThat(r.all()).doesNotContain("\tat ").doesNotContain("Exception");
		MigshProcess.Result global = MigshProcess.run(this.dir, MigshProcess.env(), "--bogus");
		assertThat(global.exitCode()).isEqualTo(2);
	}

	@Test
	void thePasswordNeverAppearsInOutputLogsOrErrors() throws Exception {
		String password = "Pw-7f3!xq-SECRET";
		var server = TestPostgres.passwordServer();
		try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP ROLE IF EXISTS migsh_secret");
			s.execute("CREATE ROLE migsh_secret LOGIN PASSWORD '" + password + "'");
		}
		String encoded = java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
		String base = "postgresql://migsh_secret:%s@127.0.0.1:" + server.getPort() + "/postgres";
		MigshProcess.Result ok = MigshProcess.run(this.dir, MigshProcess.env("MIGSH_URL", base.formatted(encoded)),
				"--verbose", "info");
		assertThat(ok.exitCode()).as(ok.all()).isZero();
		assertThat(ok.stdout()).contains("migsh_secret").contains("set (hidden)");
		String wrong = "Wrong-" + password;
		MigshProcess.Result refused = MigshProcess.run(this.dir,
				MigshProcess.env("MIGSH_URL",
						base.formatted(java.net.URLEncoder.encode(wrong, java.nio.charset.StandardCharsets.UTF_8))),
				"--verbose", "info");
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.stderr()).contains("Error: login to").contains("password authentication failed");
		MigshProcess.Result inScript = MigshProcess.run(this.dir, MigshProcess.env(), "connect",
				base.formatted(encoded));
		assertThat(inScript.exitCode()).as(inScript.all()).isZero();
		for (MigshProcess.Result r : new MigshProcess.Result[] { ok, refused, inScript }) {
			assertThat(r.all()).doesNotContain(password).doesNotContain(encoded);
		}
		try (Stream<Path> files = Files.walk(this.dir.resolve(".migsh"))) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password).doesNotContain(encoded);
			}
		}
	}

}
