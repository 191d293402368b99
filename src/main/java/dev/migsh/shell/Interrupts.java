package dev.migsh.shell;

/**
 * Routes Ctrl-C to whatever the running command registered as its cancel action (cancel
 * the statement on the server, stop waiting for a lock). With nothing registered, a
 * Ctrl-C during a command only sets a flag the command may poll.
 */
public final class Interrupts {

	private volatile Runnable action;

	private volatile boolean fired;

	private volatile boolean ending;

	/** Registers the cancel action for the duration of a try-with-resources block. */
	public Registration onInterrupt(Runnable cancel) {
		this.action = cancel;
		this.fired = false;
		if (this.ending) {
			cancel.run();
		}
		return () -> this.action = null;
	}

	/**
	 * Cancels the running command, and every command registered from now on: the process
	 * is ending (SIGTERM).
	 */
	public void fireForGood() {
		this.ending = true;
		fire();
	}

	public void fire() {
		this.fired = true;
		Runnable a = this.action;
		if (a != null) {
			a.run();
		}
	}

	/** True while a command has a cancel action registered (it is running). */
	public boolean busy() {
		return this.action != null;
	}

	public boolean fired() {
		return this.fired;
	}

	public void reset() {
		this.fired = false;
	}

	/** Forgets the cancel action: the command that registered it has ended. */
	public void clear() {
		this.action = null;
		this.fired = false;
	}

	public interface Registration extends AutoCloseable {

		@Override
		void close();

	}

}
