package dev.migsh.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class ControlCharsTest {

	@TempDir
	Path dir;

	@Test
	void escapesControlCharactersButKeepsNewlinesTabsAndStyles() {
		assertThat(ControlChars.escape("a\u001b]0;title\u0007b\rc\u0008d\u009be\u202ef"))
			.isEqualTo("a\\x1b]0;title\\x07b\\rc\\bd\\x9be\\u202ef");
		assertThat(ControlChars.escape("line\n\tnext")).isEqualTo("line\n\tnext");
		String styled = Style.BOLD_RED.apply("Error: ") + Style.DIM.apply("x");
		assertThat(ControlChars.escape(styled)).isEqualTo(styled);
		assertThat(ControlChars.escape("\u001b[2J\u001b[1;31m")).isEqualTo("\\x1b[2J\u001b[1;31m");
	}

	@Test
	void everythingPrintedIsEscapedOnTheWayOutIncludingTheTranscriptCopy() {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Output output = new Output(new PrintWriter(out), new PrintWriter(err), true);
		output.println("file \u001b[2Jname");
		output.error("No migration 001\u0007", "hint\u001b]0;x\u0007");
		assertThat(out.toString()).isEqualTo("file \\x1b[2Jname\n");
		assertThat(err.toString()).contains("No migration 001\\x07")
			.contains("hint\\x1b]0;x\\x07")
			.contains(Style.BOLD_RED.apply("Error: "));
	}

	@Test
	void anIdTypedWithControlCharactersIsEchoedEscaped(TestDatabase db) throws Exception {
		Files.createDirectories(this.dir.resolve("migrations"));
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			shell.run("show \"9\u001b[2J\u001b]0;pwned\u0007\"");
			assertThat(shell.out() + shell.err()).doesNotContain("\u001b[2J")
				.doesNotContain("\u0007")
				.contains("\\x1b[2J\\x1b]0;pwned\\x07");
		}
	}

}
