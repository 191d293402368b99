package dev.migsh.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private tmux server (its own socket, so parallel runs and other tmux users cannot
 * interfere) holding one session: a real pseudo-terminal to type into and read from.
 */
final class Tmux implements AutoCloseable {

	private final String socket = "migsh-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

	static boolean available() {
		try {
			return new ProcessBuilder("tmux", "-V").start().waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	void start(String shellCommand) throws IOException, InterruptedException {
		tmux("new-session", "-d", "-s", "s", "-x", "160", "-y", "50", shellCommand);
		tmux("set-option", "-t", "s", "remain-on-exit", "on");
	}

	/** Types text literally (tmux would read a word like "tab" as a key name). */
	void type(String text) throws IOException, InterruptedException {
		tmux("send-keys", "-t", "s", "-l", text);
	}

	/** Presses keys by tmux name: Tab, Enter, C-c, C-u. */
	void send(String... keys) throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(List.of("send-keys", "-t", "s"));
		args.addAll(List.of(keys));
		tmux(args.toArray(String[]::new));
	}

	String screen() throws IOException, InterruptedException {
		return tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "s");
	}

	boolean paneDead() throws IOException, InterruptedException {
		return tmux("display-message", "-p", "-t", "s", "#{pane_dead}").strip().equals("1");
	}

	/**
	 * Waits until the screen contains the text; fails with the screen when it never does.
	 */
	String waitFor(String text, int seconds) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		String screen = "";
		while (System.nanoTime() < deadline) {
			screen = screen();
			if (screen.contains(text)) {
				return screen;
			}
			Thread.sleep(250);
		}
		throw new AssertionError(
				"the terminal never showed '" + text + "' within " + seconds + " s; it shows:\n" + screen);
	}

	private String tmux(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("tmux", "-L", this.socket));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor(10, TimeUnit.SECONDS);
		return out;
	}

	@Override
	public void close() throws IOException, InterruptedException {
		tmux("kill-server");
	}

}
