package dev.migsh.shell.commands;

import java.time.Duration;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.connect.Environment;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.Style;

/**
 * What production asks before a change: a countdown that Ctrl-C cancels, then the
 * database name typed back. {@code --yes} confirms in advance; a run with nobody to ask
 * and no {@code --yes} is refused. It runs before the engine is called, so no prompt ever
 * waits while a transaction or the migration lock is held.
 */
final class ProductionGuard {

	static final Duration COUNTDOWN = Duration.ofSeconds(5);

	private final Duration countdown;

	ProductionGuard() {
		this(COUNTDOWN);
	}

	ProductionGuard(Duration countdown) {
		this.countdown = countdown;
	}

	void confirm(Invocation inv, String action) {
		if (inv.session().environment() != Environment.PRODUCTION) {
			return;
		}
		String database = inv.session().database(inv.prompter()).serverInfo().database();
		if (inv.yes()) {
			inv.out()
				.println(inv.out().style(Style.BOLD_RED, "PRODUCTION") + ": " + action + " on database " + database
						+ ", confirmed in advance with --yes.");
			return;
		}
		String refusal = action + " on PRODUCTION database " + database + " needs a confirmation, and this"
				+ " run is not interactive; nothing was changed";
		if (!inv.prompter().interactive()) {
			throw new MigshException(refusal, "Review it with --dry-run, then pass --yes to confirm in advance.",
					ExitCode.PREFLIGHT_REFUSED, null);
		}
		countdown(inv, action, database);
		inv.prompter()
			.requireTyped("Type the database name (" + database + ") to continue: ", database, refusal,
					"Type the database name exactly, or pass --yes in a reviewed script.");
	}

	private void countdown(Invocation inv, String action, String database) {
		inv.out()
			.println(inv.out().style(Style.BOLD_RED, "PRODUCTION") + ": " + action + " on database " + database
					+ ". Starting in " + this.countdown.toSeconds() + " s; Ctrl-C cancels.");
		Thread waiting = Thread.currentThread();
		boolean[] cancelled = { false };
		try (var onCtrlC = inv.interrupts().onInterrupt(() -> {
			cancelled[0] = true;
			waiting.interrupt();
		})) {
			StringBuilder ticks = new StringBuilder();
			for (long left = this.countdown.toSeconds(); left > 0 && !cancelled[0]; left--) {
				ticks.append(left).append("… ");
				inv.out().print("\r  " + ticks);
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					cancelled[0] = true;
				}
			}
			inv.out().println("");
		}
		Thread.interrupted();
		if (cancelled[0] || inv.interrupts().fired()) {
			throw new MigshException("Cancelled with Ctrl-C; nothing was changed", "", ExitCode.FAILED, null);
		}
	}

}
