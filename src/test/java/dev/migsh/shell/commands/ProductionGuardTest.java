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
class ProductionGuardTest {

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
			new ProductionGuard(Duration.ofSeconds(1)).confirm(invocation(shell, typing(db.name()), new Interrupts()),
					"apply 1 migration");

			assertThat(shell.out()).contains("PRODUCTION: apply 1 migration on database " + db.name())
				.contains("Starting in 1 s; Ctrl-C cancels.")
				.contains("1… ");
		}
	}

	@Test
	void refusesWhenTheNameTypedDoesNotMatch(TestDatabase db) {
		try (ShellHarness shell = production(db)) {
			assertThatThrownBy(() -> new ProductionGuard(Duration.ZERO)
				.confirm(invocation(shell, typing("not-" + db.name()), new Interrupts()), "undo of 002-x"))
				.isInstanceOf(MigshException.class)
				.hasMessageContaining("the name typed does not match database " + db.name())
				.extracting(ex -> ((MigshException) ex).exitCode())
				.isEqualTo(ExitCode.PREFLIGHT_REFUSED);
		}
	}

	@Test
	void failsClosedWithNobodyToAskAndPassesWithYes(TestDatabase db) {
		try (ShellHarness shell = production(db)) {
			assertThatThrownBy(() -> new ProductionGuard(Duration.ZERO)
				.confirm(invocation(shell, Prompter.NONE, new Interrupts()), "apply 2 migrations"))
				.isInstanceOf(MigshException.class)
				.hasMessageContaining("apply 2 migrations on PRODUCTION database " + db.name()
						+ " needs a confirmation, and this run is not interactive");

			Invocation withYes = new Invocation(new ParsedArgs("apply", Set.of("yes"), Map.of(), Map.of()),
					shell.output, Prompter.NONE, shell.session, new Interrupts());
			new ProductionGuard(Duration.ZERO).confirm(withYes, "apply 2 migrations");
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

			assertThatThrownBy(() -> new ProductionGuard(Duration.ofSeconds(5))
				.confirm(invocation(shell, typing(db.name()), interrupts), "apply 1 migration"))
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
			new ProductionGuard().confirm(invocation(shell, Prompter.NONE, new Interrupts()), "apply");

			assertThat(shell.out()).doesNotContain("PRODUCTION");
		}
	}

}
