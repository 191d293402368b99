package dev.migsh.shell.commands;

import java.time.Duration;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.Proposal;
import dev.migsh.core.change.Requirement;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.Style;

/**
 * The one guard every change passes: a proposal refused by its checks stops here (exit
 * code 3, nothing changed); otherwise each confirmation it requires is asked in turn — a
 * word typed back for destructive changes, a countdown that Ctrl-C cancels then the
 * database name for production, the countdown alone for a development reset.
 * {@code --yes} answers in advance (the reset countdown still runs); a run with nobody to
 * ask and no {@code --yes} is refused. It runs before {@code execute}, so no prompt ever
 * waits while the lock or a transaction is held.
 */
final class ChangeGuard {

	static final Duration COUNTDOWN = Duration.ofSeconds(5);

	private final Duration countdown;

	ChangeGuard() {
		this(COUNTDOWN);
	}

	ChangeGuard(Duration countdown) {
		this.countdown = countdown;
	}

	Confirmations confirm(Invocation inv, Proposal proposal) {
		return confirm(inv, proposal, this.countdown);
	}

	/**
	 * As {@link #confirm(Invocation, Proposal)}, with the countdown the command was
	 * given.
	 */
	Confirmations confirm(Invocation inv, Proposal proposal, Duration countdown) {
		if (proposal.checks().refused()) {
			throw proposal.refusal();
		}
		if (!inv.yes() && !inv.prompter().interactive() && !proposal.requirements().isEmpty()) {
			throw new MigshException(
					proposal.action() + " needs a confirmation ("
							+ String.join("; ", proposal.requirements().stream().map(Requirement::reason).toList())
							+ "), and this run is not interactive; nothing was changed",
					"Review it (" + proposal.command() + " --dry-run), then pass --yes to confirm in advance.",
					ExitCode.PREFLIGHT_REFUSED, null);
		}
		Confirmations given = Confirmations.none();
		for (Requirement requirement : proposal.requirements()) {
			switch (requirement.kind()) {
				case DESTRUCTIVE -> destructive(inv, proposal, requirement);
				case PRODUCTION -> production(inv, proposal, requirement, countdown);
				case COUNTDOWN -> developmentCountdown(inv, proposal, requirement, countdown);
			}
			given = given.with(requirement.kind());
		}
		return given;
	}

	private static void destructive(Invocation inv, Proposal proposal, Requirement requirement) {
		if (inv.yes()) {
			return;
		}
		inv.prompter()
			.requireTyped(capitalized(requirement.reason()) + ". Type '" + requirement.word() + "' to continue: ",
					requirement.word(), requirement.reason() + ", which needs a confirmation; nothing was changed",
					"Review it (" + proposal.command() + " --dry-run where there is one), then pass --yes to confirm.");
	}

	private static void production(Invocation inv, Proposal proposal, Requirement requirement, Duration countdown) {
		String database = requirement.word();
		if (inv.yes()) {
			inv.out()
				.println(inv.out().style(Style.BOLD_RED, "PRODUCTION") + ": " + proposal.action() + " on database "
						+ database + ", confirmed in advance with --yes.");
			return;
		}
		String refusal = proposal.action() + " on PRODUCTION database " + database + " needs a confirmation, and this"
				+ " run is not interactive; nothing was changed";
		if (!inv.prompter().interactive()) {
			throw new MigshException(refusal, "Review it with --dry-run, then pass --yes to confirm in advance.",
					ExitCode.PREFLIGHT_REFUSED, null);
		}
		countDown(inv, inv.out().style(Style.BOLD_RED, "PRODUCTION") + ": " + proposal.action() + " on database "
				+ database + ".", countdown);
		inv.prompter()
			.requireTyped("Type the database name (" + database + ") to continue: ", database, refusal,
					"Type the database name exactly, or pass --yes in a reviewed script.");
	}

	private static void developmentCountdown(Invocation inv, Proposal proposal, Requirement requirement,
			Duration countdown) {
		if (!inv.prompter().interactive() && !inv.yes()) {
			throw new MigshException(
					requirement.reason() + " and needs a confirmation, and this run is not interactive",
					"Pass --yes (the countdown still runs), or preview it with " + proposal.command() + " --dry-run.",
					ExitCode.PREFLIGHT_REFUSED, null);
		}
		countDown(inv, inv.out().style(Style.BOLD_RED, "⚠ " + proposal.action()) + ".", countdown);
	}

	/**
	 * One countdown for every guard: a tick a second on one line, Ctrl-C cancels (nothing
	 * changed, exit code 1).
	 */
	static void countDown(Invocation inv, String headline, Duration countdown) {
		inv.interrupts().reset();
		inv.out().println(headline + " Starting in " + countdown.toSeconds() + " s; Ctrl-C cancels.");
		inv.out().print(" ");
		for (long left = countdown.toSeconds(); left > 0; left--) {
			// one tick after another on one line, so a transcript or a pipe reads the
			// same as the terminal
			inv.out().print(" " + left + "…");
			long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
			while (System.nanoTime() < until) {
				if (inv.interrupts().fired()) {
					inv.out().println(" cancelled (Ctrl-C).");
					throw new MigshException("Cancelled with Ctrl-C; nothing was changed", "", ExitCode.FAILED, null);
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new MigshException("Cancelled; nothing was changed", "", ExitCode.FAILED, null);
				}
			}
		}
		inv.out().println(" now.");
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
