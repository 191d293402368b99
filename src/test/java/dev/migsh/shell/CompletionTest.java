package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.command.CommandRegistry;

import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What TAB offers, by command and argument: ids by state, tables, options not yet given.
 */
@ExtendWith(FreshDatabase.class)
class CompletionTest {

	@TempDir
	Path dir;

	@Test
	void offersIdsThatMakeSenseForEachCommand(TestDatabase db) throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("001-a.sql"), "-- migrate:up\nCREATE TABLE a (id int);\n");
		Files.writeString(migrations.resolve("002-b.sql"), "-- migrate:up\nCREATE TABLE b (id int);\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			shell.run("apply 001");
			MigshCompleter completer = completer(shell);
			assertThat(completer.candidates(List.of("apply", ""), 1)).contains("002-b").doesNotContain("001-a");
			assertThat(completer.candidates(List.of("undo", ""), 1)).contains("001-a").doesNotContain("002-b");
			assertThat(completer.candidates(List.of("mark-applied", ""), 1)).contains("002-b").doesNotContain("001-a");
			assertThat(completer.candidates(List.of("show", ""), 1)).contains("001-a", "002-b");
			assertThat(completer.candidates(List.of("apply", "--to", ""), 2)).contains("002-b");
			assertThat(completer.candidates(List.of("describe", ""), 1)).contains("a").doesNotContain("history");
			assertThat(completer.candidates(List.of("undo", "--dry-run", "--"), 2)).contains("--to", "--force")
				.doesNotContain("--dry-run");
			assertThat(completer.candidates(List.of("un"), 0)).contains("undo", "status");
		}
	}

	private static MigshCompleter completer(ShellHarness shell) {
		CompletionSource source = new CompletionSource(shell.session, kind -> MigrationIds.of(shell.session, kind));
		return new MigshCompleter(new CommandRegistry(), shell.dispatcher, source);
	}

}
