package dev.migsh.shell;

import java.util.ArrayList;
import java.util.List;

import org.jline.terminal.Terminal;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM, alike in every mode: the running command is cancelled through
 * {@link Interrupts} (the statement cancelled on the server, the transaction rolled back,
 * the lock released, the state printed). After SIGINT a one-shot or script run ends with
 * the command's failure and the interactive shell stays open; a second SIGINT exits 130.
 * After SIGTERM migsh exits 143 once the command has stopped (at most {@link #GRACE_MS}
 * later; a second SIGTERM exits at once).
 */
public final class SignalGuard implements AutoCloseable {

	static final long GRACE_MS = 15_000;

	private final List<Signal> signals = new ArrayList<>();

	private final List<SignalHandler> previous = new ArrayList<>();

	private volatile boolean terminated;

	private SignalGuard() {
	}

	/** One-shot and script runs (no JLine terminal there). */
	public static SignalGuard install(Interrupts interrupts) {
		SignalGuard guard = new SignalGuard();
		guard.handle("INT", signal -> {
			if (interrupts.fired()) {
				Runtime.getRuntime().halt(130);
			}
			interrupts.fire();
		});
		guard.handle("TERM", signal -> guard.terminate(interrupts, false));
		return guard;
	}

	/**
	 * The interactive shell. JLine turns Ctrl-C into {@link Terminal.Signal#INT} on a
	 * real terminal; a dumb one (TERM=dumb) leaves SIGINT to the JVM, which would exit,
	 * so it is passed to the terminal here. SIGTERM while nothing runs exits at once.
	 */
	public static SignalGuard install(Interrupts interrupts, Terminal terminal) {
		SignalGuard guard = new SignalGuard();
		if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
			guard.handle("INT", signal -> terminal.raise(Terminal.Signal.INT));
		}
		guard.handle("TERM", signal -> guard.terminate(interrupts, true));
		return guard;
	}

	/** True once SIGTERM arrived: the caller exits 143 when the command has stopped. */
	public boolean terminated() {
		return this.terminated;
	}

	private void terminate(Interrupts interrupts, boolean exitWhenIdle) {
		if (this.terminated) {
			Runtime.getRuntime().halt(ExitCodes.TERMINATED);
		}
		this.terminated = true;
		if (exitWhenIdle && !interrupts.busy()) {
			daemon(() -> System.exit(ExitCodes.TERMINATED)).start();
			return;
		}
		interrupts.fireForGood();
		daemon(() -> {
			try {
				Thread.sleep(GRACE_MS);
			}
			catch (InterruptedException ex) {
				return;
			}
			Runtime.getRuntime().halt(ExitCodes.TERMINATED);
		}).start();
	}

	private static Thread daemon(Runnable body) {
		Thread t = new Thread(body, "migsh-sigterm");
		t.setDaemon(true);
		return t;
	}

	private void handle(String name, SignalHandler handler) {
		try {
			Signal signal = new Signal(name);
			SignalHandler old = Signal.handle(signal, handler);
			this.signals.add(signal);
			this.previous.add(old);
		}
		catch (IllegalArgumentException ex) {
			// no such signal here, or reserved by the JVM (-Xrs): keep the default
		}
	}

	@Override
	public void close() {
		for (int i = 0; i < this.signals.size(); i++) {
			Signal.handle(this.signals.get(i), this.previous.get(i));
		}
	}

	private static final class ExitCodes {

		static final int TERMINATED = dev.migsh.core.ExitCode.TERMINATED.code();

	}

}
