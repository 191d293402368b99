package dev.migsh.shell;

import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;

/** After the server restarts, the next command reconnects by itself and says so. */
class ReconnectTest {

	@TempDir
	Path dir;

	@Test
	void theNextCommandAfterAServerRestartReconnectsAndSaysSo() throws Exception {
		Path data = this.dir.resolve("data");
		EmbeddedPostgres server = start(data, 0);
		int port = server.getPort();
		try (ShellHarness shell = ShellHarness.connectedTo("postgresql://postgres@localhost:" + port + "/postgres",
				this.dir)) {
			assertThat(shell.run("info")).isEqualTo(ExitCode.OK);
			assertThat(shell.err()).doesNotContain("Reconnected");
			server.close();
			Thread.sleep(1100);
			server = start(data, port);
			assertThat(shell.run("info")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.err()).contains("Reconnected: the server restarted");
			assertThat(shell.out()).contains("PostgreSQL 17");
		}
		finally {
			server.close();
		}
	}

	private static EmbeddedPostgres start(Path data, int port) throws Exception {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(30));
		if (port > 0) {
			builder.setPort(port);
		}
		return builder.start();
	}

}
