package dev.migsh.shell;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C handling for one-shot and script runs (no JLine terminal there): the first
 * SIGINT cancels the running command through {@link Interrupts}; a second one exits with
 * 130.
 */
public final class SignalGuard implements AutoCloseable {

	private final SignalHandler previous;

	private SignalGuard(SignalHandler previous) {
		this.previous = previous;
	}

	public static SignalGuard install(Interrupts interrupts) {
		SignalHandler previous;
		try {
			previous = Signal.handle(new Signal("INT"), signal -> {
				if (interrupts.fired()) {
					Runtime.getRuntime().halt(130);
				}
				interrupts.fire();
			});
		}
		catch (IllegalArgumentException ex) {
			// no SIGINT on this platform or it is reserved by the JVM (-Xrs): keep the
			// default
			previous = null;
		}
		return new SignalGuard(previous);
	}

	@Override
	public void close() {
		if (this.previous != null) {
			Signal.handle(new Signal("INT"), this.previous);
		}
	}

}
