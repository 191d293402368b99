package dev.migsh.shell;

import java.io.Console;
import java.lang.reflect.Method;

import org.jline.terminal.Terminal;

/**
 * Whether to colour output: only on a real terminal, never when NO_COLOR is set or
 * TERM=dumb (JLine alone would still colour a dumb TTY).
 */
public final class Colour {

	private Colour() {
	}

	public static boolean enabled(Terminal terminal) {
		return allowedByEnvironment() && !Terminal.TYPE_DUMB.equals(terminal.getType())
				&& !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
	}

	/** For one-shot and script runs, where no JLine terminal is built. */
	public static boolean stdoutIsTerminal() {
		if (!allowedByEnvironment()) {
			return false;
		}
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			// Java 22+ returns a Console even when redirected; isTerminal() tells the
			// truth there.
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true;
		}
	}

	private static boolean allowedByEnvironment() {
		String noColor = System.getenv("NO_COLOR");
		String term = System.getenv("TERM");
		return (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
	}

}
