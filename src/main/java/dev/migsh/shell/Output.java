package dev.migsh.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * Where a command writes: normal output, errors, with colour only when the terminal has
 * it and {@code NO_COLOR} is unset. Passwords are redacted by the caller before they get
 * here. Control characters in what is written are escaped here, in one place (see
 * {@link ControlChars}). While a {@link Transcript} is on, everything written is copied
 * to it too.
 */
public final class Output {

	private final PrintWriter out;

	private final PrintWriter err;

	private final boolean colour;

	private final boolean live;

	private final PrintWriter screen;

	private final Object lock = new Object();

	private boolean statusShown;

	private volatile Transcript transcript;

	public Output(PrintWriter out, PrintWriter err, boolean colour) {
		this(out, err, colour, false);
	}

	/**
	 * @param live the output is a terminal that redraws a line: progress shows as a
	 * status line there, and not at all when piped
	 */
	public Output(PrintWriter out, PrintWriter err, boolean colour, boolean live) {
		this.out = new PrintWriter(new Copying(out));
		this.err = new PrintWriter(new Copying(err));
		this.colour = colour;
		this.live = live;
		this.screen = out;
	}

	public boolean live() {
		return this.live;
	}

	/**
	 * Redraws the one status line (a spinner, elapsed time, the current step) on a live
	 * terminal; the next line printed replaces it. Never copied to a transcript.
	 */
	public void status(String line) {
		if (!this.live) {
			return;
		}
		synchronized (this.lock) {
			this.screen.print("\r\033[K" + line);
			this.screen.flush();
			this.statusShown = true;
		}
	}

	/** Removes the status line, if one is shown. */
	public void clearStatus() {
		synchronized (this.lock) {
			clearStatusLocked();
		}
	}

	private void clearStatusLocked() {
		if (this.statusShown) {
			this.statusShown = false;
			this.screen.print("\r\033[K");
			this.screen.flush();
		}
	}

	public Optional<Transcript> transcript() {
		return Optional.ofNullable(this.transcript);
	}

	/**
	 * Copies everything shown from now on to this transcript, closing the one before, if
	 * any.
	 */
	public void transcribeTo(Transcript next) {
		this.out.flush();
		this.err.flush();
		Transcript previous = this.transcript;
		this.transcript = next;
		if (previous != null && previous != next) {
			previous.close();
		}
	}

	/**
	 * Stops and closes the transcript; returns the file it was writing, if one was on.
	 */
	public Optional<java.nio.file.Path> stopTranscript() {
		this.out.flush();
		this.err.flush();
		Transcript previous = this.transcript;
		this.transcript = null;
		if (previous == null) {
			return Optional.empty();
		}
		previous.close();
		return Optional.of(previous.file());
	}

	public boolean colour() {
		return this.colour;
	}

	public String style(Style style, String text) {
		return this.colour ? style.apply(text) : text;
	}

	public void println(String line) {
		this.out.println(line);
		this.out.flush();
	}

	public void println() {
		println("");
	}

	public void print(String text) {
		this.out.print(text);
		this.out.flush();
	}

	public void lines(List<String> lines) {
		lines.forEach(this.out::println);
		this.out.flush();
	}

	public void table(TextTable table) {
		lines(table.render(this));
	}

	public void json(Object value) {
		println(Json.write(value));
	}

	/** A warning line, on the normal output so it is seen in order with the rest. */
	public void warn(String message) {
		println(style(Style.YELLOW, "⚠ " + message));
	}

	public void error(String message, String hint) {
		this.err.println(style(Style.BOLD_RED, "Error: ") + message);
		if (hint != null && !hint.isBlank()) {
			this.err.println(style(Style.YELLOW, "Hint: ") + hint);
		}
		this.err.flush();
		this.out.flush();
	}

	public PrintWriter writer() {
		return this.out;
	}

	public PrintWriter errorWriter() {
		return this.err;
	}

	/** Writes to the terminal and, while a transcript is on, to it as well. */
	private final class Copying extends Writer {

		private final Writer target;

		Copying(Writer target) {
			this.target = target;
		}

		@Override
		public void write(char[] chars, int offset, int length) throws IOException {
			String safe = ControlChars.escape(java.nio.CharBuffer.wrap(chars, offset, length));
			if (safe.length() != length) {
				chars = safe.toCharArray();
				offset = 0;
				length = chars.length;
			}
			synchronized (Output.this.lock) {
				clearStatusLocked();
				this.target.write(chars, offset, length);
			}
			Transcript t = Output.this.transcript;
			if (t != null) {
				t.append(chars, offset, length);
			}
		}

		@Override
		public void flush() throws IOException {
			this.target.flush();
		}

		@Override
		public void close() throws IOException {
			this.target.close();
		}

	}

}
