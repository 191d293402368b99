package dev.migsh.shell.commands;

import dev.migsh.core.apply.Cancellation;
import dev.migsh.shell.Invocation;

/** A {@link Cancellation} that Ctrl-C triggers for the rest of the command. */
final class Cancellations {

	private Cancellations() {
	}

	/**
	 * A cancellation that the next Ctrl-C of this command triggers (a lock wait stops, a
	 * running statement is cancelled on the server).
	 */
	static Cancellation onCtrlC(Invocation inv) {
		Cancellation cancellation = new Cancellation();
		inv.interrupts().onInterrupt(cancellation::cancel);
		return cancellation;
	}

}
