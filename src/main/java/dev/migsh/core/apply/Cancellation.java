package dev.migsh.core.apply;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * A Ctrl-C the shell passes in: {@link #cancel()} may be called from any thread (a signal
 * handler); it cancels the statement running on the server and interrupts a lock wait.
 * The engine then rolls back, audits, releases the lock and throws
 * {@link MigrationCancelledException}.
 */
public final class Cancellation implements dev.migsh.core.schema.StatementWatch {

	private volatile boolean cancelled;

	private Statement running;

	private Thread waiting;

	/** A cancellation nobody triggers. */
	public static Cancellation none() {
		return new Cancellation();
	}

	public synchronized void cancel() {
		this.cancelled = true;
		if (this.running != null) {
			try {
				this.running.cancel();
			}
			catch (SQLException ex) {
				// the statement may have finished meanwhile; the flag stops the next one
			}
		}
		if (this.waiting != null) {
			this.waiting.interrupt();
		}
	}

	@Override
	public boolean isCancelled() {
		return this.cancelled;
	}

	/** Makes the object usable for the next command. */
	public synchronized void reset() {
		this.cancelled = false;
		this.running = null;
		this.waiting = null;
	}

	@Override
	public synchronized void running(Statement statement) {
		this.running = statement;
	}

	@Override
	public synchronized void finished() {
		this.running = null;
	}

	synchronized void waiting(Thread thread) {
		this.waiting = thread;
	}

	synchronized void doneWaiting() {
		this.waiting = null;
		Thread.interrupted();
	}

}
