package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * record writes what was typed as a replayable script; transcript logs what was shown,
 * never a password.
 */
@ExtendWith(FreshDatabase.class)
class RecordAndTranscriptTest {

	@TempDir
	Path dir;

	@Test
	void aRecordedSessionReplaysToTheSameResult(TestDatabase db) throws Exception {
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			shell.type("expect no-lock");
			shell.type("nosuch command");
			shell.type("expect database " + db.name());
			shell.type("expect env production");
			shell.type("transcript t.log");
			shell.type("transcript off");
			assertThat(shell.type("record session.msh")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("Recorded 2 command(s)");
		}
		String recorded = Files.readString(this.dir.resolve("session.msh"));
		assertThat(recorded).startsWith("# recorded by migsh ")
			.contains("from postgres@" + db.name() + " (development)")
			.endsWith("expect no-lock\nexpect database " + db.name() + "\n")
			.doesNotContain("nosuch")
			.doesNotContain("production")
			.doesNotContain("transcript t.log");
		try (ShellHarness replay = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(replay.script(this.dir.resolve("session.msh"))).as(replay.err()).isEqualTo(ExitCode.OK);
			assertThat(replay.out()).contains("✔ migration lock free").contains("✔ database " + db.name());
		}
	}

	@Test
	void recordDoesNotOverwriteAFileWithoutForce(TestDatabase db) throws Exception {
		Files.writeString(this.dir.resolve("keep.msh"), "info\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			shell.type("expect no-lock");
			assertThat(shell.type("record keep.msh")).isEqualTo(ExitCode.USAGE);
			assertThat(Files.readString(this.dir.resolve("keep.msh"))).isEqualTo("info\n");
			assertThat(shell.type("record keep.msh --force")).isEqualTo(ExitCode.OK);
			assertThat(Files.readString(this.dir.resolve("keep.msh"))).endsWith("\nexpect no-lock\n");
		}
	}

	@Test
	void recordKeepsAConnectionUrlWithoutItsPassword(TestDatabase db) throws Exception {
		String withPassword = db.url().replace("postgres@", "postgres:s3cret@");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.type("connect " + withPassword)).as(shell.err()).isEqualTo(ExitCode.OK);
			shell.type("record session.msh");
		}
		assertThat(Files.readString(this.dir.resolve("session.msh"))).contains("connect postgresql://postgres:")
			.doesNotContain("s3cret");
	}

	@Test
	void aTranscriptHoldsCommandsOutputAndTimesButNeverAPassword(TestDatabase db) throws Exception {
		String withPassword = db.url().replace("postgres@", "postgres:s3cret@");
		Files.writeString(this.dir.resolve("s.msh"), "connect " + withPassword + "\ninfo\nexpect env production\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.type("transcript incident.log")).isEqualTo(ExitCode.OK);
			assertThat(shell.type("script s.msh")).isEqualTo(ExitCode.EXPECTATION_FAILED);
			assertThat(shell.type("transcript off")).isEqualTo(ExitCode.OK);
			shell.type("expect no-lock");
			assertThat(shell.out()).contains("Transcript stopped; it is in " + this.dir.resolve("incident.log"));
		}
		String log = Files.readString(this.dir.resolve("incident.log"));
		assertThat(log).containsPattern("# migsh transcript started \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d")
			.containsPattern("\\[\\d\\d:\\d\\d:\\d\\d\\] migsh .*> connect postgresql://postgres:\\*+@")
			.containsPattern("> info\n")
			.contains("set (hidden)")
			.contains("Error: expected env production, found development")
			.contains("stopped at line 3")
			.containsPattern("# migsh transcript ended \\d{4}-")
			.doesNotContain("s3cret")
			.doesNotContain("\u001b[")
			.doesNotContain("lock free");
	}

	@Test
	void transcriptAppendsAndOffWithoutOneSaysSo(TestDatabase db) throws Exception {
		Files.writeString(this.dir.resolve("log.txt"), "earlier\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			shell.type("transcript log.txt");
			shell.type("expect no-lock");
			shell.type("transcript off");
			shell.type("transcript off");
			assertThat(shell.out()).contains("No transcript was on.");
		}
		assertThat(Files.readString(this.dir.resolve("log.txt"))).startsWith("earlier\n# migsh transcript started")
			.contains("✔ migration lock free");
	}

}
