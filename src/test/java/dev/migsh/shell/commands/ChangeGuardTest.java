package dev.migsh.shell.commands;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.change.Confirmation;
import dev.migsh.core.change.Proposal;
import dev.migsh.core.change.Requirement;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.PreflightReport;
import java.util.List;
import dev.migsh.shell.Interrupts;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.ParsedArgs;
import dev.migsh.shell.Prompter;
import dev.migsh.shell.ShellHarness;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(FreshDatabase.class)
class ChangeGuardTest {

	@TempDir
	Path dir;

	private static Prompter typing(String answer) {
		return new Prompter() {

			@Override
			public boolean interactive() {
				return true;
			}

			@Override
			public String readLine(String prompt) {
				return answer;
			}

			@Override
			public String readSecret(String prompt) {
				return answer;
			}

		};
	}

	/** A proposal as a use case returns it: here only what the guard reads. */
	private record Fake(String command, String action, PreflightReport checks,
			List<Requirement> requirements) implements Proposal {

		@Override
		public boolean isEmpty() {
			return false;
		}

	}

	private static Proposal production(String action, TestDatabase db) {
		return new Fake(action.split(" ")[0], action, new PreflightReport(List.of()), List
			.of(new Requirement(Confirmation.PRODUCTION, action + " on PRODUCTION database " + db.name(), db.name())));
	}

	@Test
	void aProposalRefusedByItsChecksStopsBeforeAnyQuestion(TestDatabase db) {
		try (ShellHarness shell = production(db)) {
			Proposal refused = new Fake("repair", "repair of 1 record(s)",
					new PreflightReport(
							List.of(CheckResult.fail("primary", "read-only standby", "connect to the primary"))),
					List.of(new Requirement(Confirmation.DESTRUCTIVE, "repair rewrites 1 record(s)", "yes")));

			assertThatThrownBy(() -> new ChangeGuard(Duration.ZERO)
				.confirm(invocation(shell, typing("yes"), new Interrupts()), refused))
				.isInstanceOf(MigshException.class)
				.hasMessageContaining("Pre-flight refused the repair: primary failed")
				.extracting(ex -> ((MigshException) ex).exitCode())
				.isEqualTo(ExitCode.PREFLIGHT_REFUSED);
		}
	}

	@Test
	void aDestructiveChangeNeedsItsWordTypedOrYes(TestDatabase db) {
		try (ShellHarness shell = production(db)) {
			Proposal purge = new Fake("trash purge", "trash purge", new PreflightReport(List.of()),
					List.of(new Requirement(Confirmation.DESTRUCTIVE, "trash purge drops 1 kept copy", "purge")));

			assertThatThrownBy(() -> new ChangeGuard(Duration.ZERO)
				.confirm(invocation(shell, typing("yes"), new Interrupts()), purge))
				.hasMessageContaining("the answer did not match 'purge'");
			assertThatThrownBy(() -> new ChangeGuard(Duration.ZERO)
				.confirm(invocation(shell, Prompter.NONE, new Interrupts()), purge)).hasMessageContaining(
						"trash purge needs a confirmation (trash purge drops 1 kept copy), and this run is not interactive");
			assertThat(
					new ChangeGuard(Duration.ZERO).confirm(invocation(shell, typing("purge"), new Interrupts()), purge)
						.has(Confirmation.DESTRUCTIVE))
				.isTrue();
		}
	}

	private ShellHarness production(TestDatabase db) {
		ShellHarness shell = new ShellHarness(Map.of("MIGSH_URL", db.url(), "USER", "tester"), this.dir, this.dir,
				"--env", "production");
		shell.run("info");
		return shell;
	}

	private Invocation invocation(ShellHarness shell, Prompter prompter, Interrupts interrupts) {
		return new Invocation(new ParsedArgs("apply", Set.of(), Map.of(), Map.of()), shell.output, prompter,
				shell.session, interrupts);
	}

	@Test
	void passesOnceTheCountdownEndsAndTheDatabaseNameIsTyped(TestDatabase db) {
		try (ShellHarness shell = production(db)) {
			new ChangeGuard(Duration.ofSeconds(1)).confirm(invocation(shell, typing(db.name()), new Interrupts()),
					production("apply 1 migration", db));

			assertThat(shell.out()).contains("PRODUCTION: apply 1 migration on database " + db.name())
				.contains("Starting in 1 s; Ctrl-C cancels.")
				.contains("1… ");
		}
	}

	@Test
	void refusesWhenTheNameTypedDoesNotMatch(TestDatabase db) {
		try (ShellHarness shell = production(db)) {
			assertThatThrownBy(() -> new ChangeGuard(Duration.ZERO).confirm(
					invocation(shell, typing("not-" + db.name()), new Interrupts()), production("undo of 002-x", db)))
				.isInstanceOf(MigshException.class)
				.hasMessageContaining("the answer did not match '" + db.name() + "'")
				.extracting(ex -> ((MigshException) ex).exitCode())
				.isEqualTo(ExitCode.PREFLIGHT_REFUSED);
		}
	}

	@Test
	void failsClosedWithNobodyToAskAndPassesWithYes(TestDatabase db) {
		try (ShellHarness shell = production(db)) {
			assertThatThrownBy(() -> new ChangeGuard(Duration.ZERO)
				.confirm(invocation(shell, Prompter.NONE, new Interrupts()), production("apply 2 migrations", db)))
				.isInstanceOf(MigshException.class)
				.hasMessageContaining(
						"apply 2 migrations needs a confirmation (apply 2 migrations on PRODUCTION database "
								+ db.name() + "), and this run is not interactive");

			Invocation withYes = new Invocation(new ParsedArgs("apply", Set.of("yes"), Map.of(), Map.of()),
					shell.output, Prompter.NONE, shell.session, new Interrupts());
			new ChangeGuard(Duration.ZERO).confirm(withYes, production("apply 2 migrations", db));
			assertThat(shell.out()).contains("confirmed in advance with --yes");
		}
	}

	@Test
	void ctrlCDuringTheCountdownCancelsBeforeAnythingIsAsked(TestDatabase db) {
		try (ShellHarness shell = production(db)) {
			Interrupts interrupts = new Interrupts();
			Thread ctrlC = new Thread(() -> {
				try {
					Thread.sleep(300);
				}
				catch (InterruptedException ex) {
					return;
				}
				interrupts.fire();
			});
			ctrlC.start();
			long start = System.nanoTime();

			assertThatThrownBy(() -> new ChangeGuard(Duration.ofSeconds(5))
				.confirm(invocation(shell, typing(db.name()), interrupts), production("apply 1 migration", db)))
				.isInstanceOf(MigshException.class)
				.hasMessageContaining("Cancelled with Ctrl-C; nothing was changed");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		}
	}

	@Test
	void doesNothingOutsideProduction(TestDatabase db) {
		try (ShellHarness shell = new ShellHarness(Map.of("MIGSH_URL", db.url(), "USER", "tester"), this.dir,
				this.dir)) {
			shell.run("info");
			new ChangeGuard().confirm(invocation(shell, Prompter.NONE, new Interrupts()),
					new Fake("apply", "apply 1 migration", new PreflightReport(List.of()), List.of()));

			assertThat(shell.out()).doesNotContain("PRODUCTION");
		}
	}

}
