package dev.migsh.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar in a real terminal (tmux): completion, the prompt, Ctrl-C at the
 * prompt and during a command, and where the history goes.
 */
@ExtendWith(FreshDatabase.class)
class TerminalEndToEndTest {

	@TempDir
	Path dir;

	@BeforeEach
	void needsTmux() {
		assumeTrue(Tmux.available(), "tmux is not installed: a real-terminal test needs it (apt-get install tmux)");
	}

	private String command(TestDatabase db) {
		return "cd " + this.dir + " && MIGSH_HOME=" + this.dir.resolve(".migsh") + " " + MigshProcess.javaExecutable()
				+ " -jar " + MigshProcess.jar() + " --url " + db.url() + " --env development";
	}

	@Test
	void completesCommandsRunsThemAndExits(TestDatabase db) throws Exception {
		db.jdbc().execute("CREATE TABLE user_roles (id int); CREATE TABLE users (id int)");
		Files.createDirectories(this.dir.resolve("migrations"));
		try (Tmux tmux = new Tmux()) {
			tmux.start(command(db));
			tmux.waitFor("(0 pending)>", 60);
			assertThat(tmux.screen()).contains("migsh DEV postgres@" + db.name() + " localhost:" + db.port());
			tmux.type("tab");
			tmux.send("Tab");
			tmux.waitFor("> tables", 10);
			tmux.send("Enter");
			tmux.waitFor("2 relations", 20);
			tmux.type("describe us");
			tmux.send("Tab");
			String listed = tmux.waitFor("user_roles", 10);
			assertThat(listed).contains("users");
			tmux.send("C-u");
			tmux.type("exit");
			tmux.send("Enter");
			long deadline = System.nanoTime() + 20_000_000_000L;
			while (!tmux.paneDead() && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			assertThat(tmux.paneDead()).as(tmux.screen()).isTrue();
		}
		Path history = this.dir.resolve(".migsh/history");
		assertThat(history).exists();
		assertThat(Files.readString(history)).contains("tables");
		assertThat(this.dir.resolve("migsh.log")).doesNotExist();
	}

	@Test
	void ctrlCClearsThePromptAndCancelsARunningCommandWithoutKillingTheShell(TestDatabase db) throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("001-slow.sql"),
				"-- migrate:up\nCREATE TABLE slow (id int);\nSELECT pg_sleep(60);\n");
		try (Tmux tmux = new Tmux()) {
			tmux.start(command(db));
			tmux.waitFor("(1 pending)>", 60);
			tmux.type("half typed");
			tmux.send("C-c");
			Thread.sleep(500);
			assertThat(tmux.paneDead()).isFalse();
			tmux.type("apply");
			tmux.send("Enter");
			tmux.waitFor("applying 001-slow", 20);
			Thread.sleep(1500);
			tmux.send("C-c");
			String screen = tmux.waitFor("Error:", 20);
			assertThat(screen).containsIgnoringCase("cancel");
			tmux.waitFor("(1 pending)>", 20);
			assertThat(tmux.paneDead()).isFalse();
			assertThat(db.jdbc().queryForObject("select to_regclass('slow') is null", Boolean.class)).isTrue();
			assertThat(db.jdbc()
				.queryForObject("select count(*) from pg_locks where locktype = 'advisory'", Integer.class)).isZero();
			tmux.type("status");
			tmux.send("Enter");
			tmux.waitFor("1 migrations: 1 pending", 20);
			String secret = "postgresql://someone:S3cr3t-In-History@localhost:1/x";
			tmux.type("connect " + secret);
			tmux.send("Enter");
			tmux.waitFor("could not connect", 20);
			tmux.type("exit");
			tmux.send("Enter");
			Thread.sleep(2000);
		}
		String history = Files.readString(this.dir.resolve(".migsh/history"));
		assertThat(history).contains("apply").contains("connect postgresql://someone:****@").doesNotContain("S3cr3t");
	}

	@Test
	void asksForAMissingPasswordWithEchoOffAndNeverKeepsIt() throws Exception {
		String password = "Typed-Pw-93k!";
		var server = dev.migsh.testing.TestPostgres.passwordServer();
		try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
			s.execute("DROP ROLE IF EXISTS migsh_typed");
			s.execute("CREATE ROLE migsh_typed LOGIN PASSWORD '" + password + "'");
		}
		Files.createDirectories(this.dir.resolve("migrations"));
		String url = "postgresql://migsh_typed@127.0.0.1:" + server.getPort() + "/postgres";
		try (Tmux tmux = new Tmux()) {
			tmux.start("cd " + this.dir + " && MIGSH_HOME=" + this.dir.resolve(".migsh") + " PGPASSFILE=/nonexistent "
					+ MigshProcess.javaExecutable() + " -jar " + MigshProcess.jar() + " --url " + url);
			tmux.waitFor("Password for migsh_typed@127.0.0.1:", 60);
			tmux.type(password);
			tmux.send("Enter");
			String screen = tmux.waitFor("migsh_typed@postgres", 30);
			assertThat(screen).doesNotContain(password);
			tmux.type("info");
			tmux.send("Enter");
			screen = tmux.waitFor("set (hidden)", 20);
			assertThat(screen).contains("prompt").doesNotContain(password);
			tmux.type("exit");
			tmux.send("Enter");
			Thread.sleep(2000);
		}
		try (var files = Files.walk(this.dir.resolve(".migsh"))) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password);
			}
		}
	}

}
