package dev.migsh.shell;

import java.io.PrintWriter;
import java.util.List;

/**
 * Where a command writes: normal output, errors, with colour only when the terminal has it
 * and {@code NO_COLOR} is unset. Passwords are redacted by the caller before they get here.
 */
public final class Output {

	private final PrintWriter out;

	private final PrintWriter err;

	private final boolean colour;

	public Output(PrintWriter out, PrintWriter err, boolean colour) {
		this.out = out;
		this.err = err;
		this.colour = colour;
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

}
