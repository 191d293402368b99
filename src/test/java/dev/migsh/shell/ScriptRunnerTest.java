package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying scripts through the real dispatcher: checking first, variables, resuming,
 * dry-run, nesting.
 */
@ExtendWith(FreshDatabase.class)
class ScriptRunnerTest {

	@TempDir
	Path dir;

	@Test
	void anUnsetVariableRunsNothingAndNamesTheVariableAndItsLine(TestDatabase db) throws Exception {
		Path script = write("vars.msh", "info\n\nexpect database ${TARGET_DB}\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.script(script)).isEqualTo(ExitCode.USAGE);
			assertThat(shell.out()).doesNotContain("> info");
			assertThat(shell.err()).contains("variables not set: ${TARGET_DB} (line 3)")
				.contains("nothing was run")
				.contains("--set TARGET_DB=VALUE");
		}
	}

	@Test
	void setValuesWinOverTheEnvironment(TestDatabase db) throws Exception {
		Path script = write("vars.msh", "expect database ${TARGET_DB}\n");
		Map<String, String> env = ShellHarness.env(db.url());
		env.put("TARGET_DB", "lms_prod");
		try (ShellHarness shell = new ShellHarness(env, this.dir, this.dir)) {
			assertThat(shell.script(script)).isEqualTo(ExitCode.EXPECTATION_FAILED);
			assertThat(shell.err()).contains("expected database lms_prod, found database " + db.name());
		}
		try (ShellHarness shell = new ShellHarness(env, this.dir, this.dir)) {
			ScriptOptions options = new ScriptOptions(1, false, Map.of("TARGET_DB", db.name()));
			assertThat(shell.script(script, options)).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("> expect database " + db.name()).contains("✔ database " + db.name());
		}
	}

	@Test
	void eachCommandIsEchoedWithATimestampAndThePrompt(TestDatabase db) throws Exception {
		Path script = write("echo.msh", "# a comment\nexpect \\\n  no-lock\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.script(script)).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).containsPattern("\\[\\d\\d:\\d\\d:\\d\\d\\] migsh DEV postgres@" + db.name()
					+ " localhost:\\d+> expect no-lock\n✔ migration lock free");
		}
	}

	@Test
	void aFailedExpectStopsTheScriptWithItsOwnExitCodeAndSaysWhatItFound(TestDatabase db) throws Exception {
		Path script = write("guard.msh", "expect env production\ninfo\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			ExitCode code = shell.script(script);
			assertThat(code).isEqualTo(ExitCode.EXPECTATION_FAILED);
			assertThat(code.code()).isEqualTo(5);
			assertThat(shell.err()).contains("Error: expected env production, found development")
				.contains("stopped at line 1 (exit code 5)");
			assertThat(shell.out()).doesNotContain("> info");
		}
	}

	@Test
	void expectChecksPendingCountsAndMigrationStates(TestDatabase db) throws Exception {
		Files.createDirectories(this.dir.resolve("migrations"));
		write("migrations/001-create-widgets.sql",
				"-- migrate:up\nCREATE TABLE widgets (id int);\n" + "-- migrate:down\nDROP TABLE widgets;\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.run("expect pending 1")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.run("expect state 001 pending")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.run("expect state 001-create-widgets applied")).isEqualTo(ExitCode.EXPECTATION_FAILED);
			assertThat(shell.err()).contains("expected 001-create-widgets applied, found 001-create-widgets pending");
			assertThat(shell.run("expect pending 0")).isEqualTo(ExitCode.EXPECTATION_FAILED);
			assertThat(shell.err()).contains("expected 0 pending, found 1 pending: 001-create-widgets");
		}
	}

	@Test
	void expectNoDriftNamesWhatWasChangedByHand(TestDatabase db) throws Exception {
		Files.createDirectories(this.dir.resolve("migrations"));
		write("migrations/001-create-widgets.sql", "-- migrate:up\nCREATE TABLE widgets (id int);\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.run("apply --yes")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.run("expect no-drift")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("✔ no drift: the schema is what the 1 applied migration(s) build");
			db.jdbc().execute("ALTER TABLE widgets ADD COLUMN made_by_hand text");
			assertThat(shell.run("expect no-drift")).isEqualTo(ExitCode.EXPECTATION_FAILED);
			assertThat(shell.err()).contains("Error: expected no drift, found 1 difference(s):")
				.contains("made_by_hand")
				.contains("Hint: run drift");
		}
	}

	@Test
	void aMalformedExpectIsRefusedBeforeAnythingRuns(TestDatabase db) throws Exception {
		Path script = write("bad.msh", "info\nexpect pending some\n");
		Path unknown = write("unknown.msh", "info\nexpect weather sunny\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.script(script)).isEqualTo(ExitCode.USAGE);
			assertThat(shell.script(unknown)).isEqualTo(ExitCode.USAGE);
			assertThat(shell.out()).doesNotContain("> info");
			assertThat(shell.err()).contains("bad.msh:2: expect pending: 'some' is not a count")
				.contains("unknown.msh:2: expect: unknown guard 'weather'");
		}
	}

	@Test
	void fromResumesAtALineAndRefusesTheMiddleOfACommand(TestDatabase db) throws Exception {
		Path script = write("resume.msh", "info\n# then\nexpect \\\n no-lock\nexpect database " + db.name() + "\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.script(script, new ScriptOptions(2, false, Map.of()))).as(shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(shell.out()).doesNotContain("> info")
				.contains("Resuming " + script + " at line 3")
				.contains("> expect no-lock")
				.contains("> expect database");
		}
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.script(script, new ScriptOptions(4, false, Map.of()))).isEqualTo(ExitCode.USAGE);
			assertThat(shell.err()).contains("line 4 is inside the command that starts on line 3");
			assertThat(shell.script(script, new ScriptOptions(9, false, Map.of()))).isEqualTo(ExitCode.USAGE);
			assertThat(shell.out()).doesNotContain("> ");
		}
	}

	@Test
	void theStopMessageSaysWhereToResume(TestDatabase db) throws Exception {
		Path script = write("stop.msh", "info\nexpect database elsewhere\ninfo\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.script(script)).isEqualTo(ExitCode.EXPECTATION_FAILED);
			assertThat(shell.err()).contains("stopped at line 2").contains("resume with --from 2");
		}
	}

	@Test
	void aDryRunScriptRunsChangingCommandsInTheirDryRunForm(TestDatabase db) throws Exception {
		Path script = write("dry.msh", "expect pending 0\nchange\nchange --dry-run\nexpect pending 5\n");
		Files.createDirectories(this.dir.resolve("migrations"));
		try (ShellHarness shell = new ShellHarness(List.of(new FakeChange("change", true)), ShellHarness.env(db.url()),
				this.dir, this.dir)) {
			assertThat(shell.script(script, new ScriptOptions(1, true, Map.of()))).as(shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("> change --dry-run\nwould change")
				.doesNotContain("--dry-run --dry-run")
				.doesNotContain("changed for real")
				.contains("> expect pending 0\n✔ 0 pending")
				.contains("> expect pending 5\n○ not checked in a dry run");
		}
	}

	@Test
	void aDryRunScriptRefusesAChangingCommandWithNoDryRunForm(TestDatabase db) throws Exception {
		Path script = write("dry.msh", "info\nwipe\n");
		try (ShellHarness shell = new ShellHarness(List.of(new FakeChange("wipe", false)), ShellHarness.env(db.url()),
				this.dir, this.dir)) {
			assertThat(shell.script(script, new ScriptOptions(1, true, Map.of()))).isEqualTo(ExitCode.USAGE);
			assertThat(shell.err()).contains("dry.msh:2: wipe changes the database and has no dry-run form");
			assertThat(shell.out()).doesNotContain("> info");
		}
	}

	@Test
	void aNestedScriptIsFoundBesideItsCallerAndCheckedBeforeTheCallerRuns(TestDatabase db) throws Exception {
		Files.createDirectories(this.dir.resolve("scripts"));
		write("scripts/inner.msh", "expect no-lock\nexpect database ${DB}\n");
		Path outer = write("scripts/outer.msh", "info\nscript inner.msh\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.script(outer)).isEqualTo(ExitCode.USAGE);
			assertThat(shell.out()).doesNotContain("> info");
			assertThat(shell.err()).contains("outer.msh:2:").contains("inner.msh: variables not set: ${DB}");
		}
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			ScriptOptions options = new ScriptOptions(1, false, Map.of("DB", db.name()));
			assertThat(shell.script(outer, options)).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out()).contains("> script inner.msh").contains("✔ database " + db.name());
		}
	}

	@Test
	void aScriptThatRunsItselfIsRefusedBeforeAnythingRuns(TestDatabase db) throws Exception {
		Path loop = write("loop.msh", "info\nscript loop.msh\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.script(loop)).isEqualTo(ExitCode.USAGE);
			assertThat(shell.err()).contains("more than 5 deep");
			assertThat(shell.out()).doesNotContain("> info");
		}
	}

	@Test
	void theScriptCommandTakesTheSameOptions(TestDatabase db) throws Exception {
		write("s.msh", "info\nexpect database ${DB}\n");
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			assertThat(shell.run("script s.msh --from 2 --set DB=" + db.name() + " --set X=1")).as(shell.err())
				.isEqualTo(ExitCode.OK);
			assertThat(shell.out()).doesNotContain("> info").contains("✔ database " + db.name());
			assertThat(shell.run("script s.msh --from two")).isEqualTo(ExitCode.USAGE);
		}
	}

	private Path write(String name, String text) throws Exception {
		return Files.writeString(this.dir.resolve(name), text);
	}

	/** A changing command with or without a dry-run form, printing which way it ran. */
	static final class FakeChange extends MigshCommand {

		private final boolean hasDryRun;

		FakeChange(String name, boolean hasDryRun) {
			super(hasDryRun
					? CommandSpec.builder(name).option(OptionSpec.flag("dry-run", "show, change nothing")).build()
					: CommandSpec.builder(name).build());
			this.hasDryRun = hasDryRun;
		}

		@Override
		public boolean needsDatabase() {
			return false;
		}

		@Override
		public boolean changesDatabase() {
			return true;
		}

		@Override
		public Optional<String> dryRunFlag() {
			return this.hasDryRun ? Optional.of("dry-run") : Optional.empty();
		}

		@Override
		public ExitCode run(Invocation inv) {
			inv.out().println(inv.args().flag("dry-run") ? "would change" : "changed for real");
			return ExitCode.OK;
		}

	}

}
