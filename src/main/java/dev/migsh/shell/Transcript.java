package dev.migsh.shell;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.migsh.core.MigshException;

/**
 * A log of a session for the incident record: every command, its output and the time, as
 * plain text (no colour codes), appended to a file. Each line is redacted of the
 * session's secrets and of passwords in connection URLs before it is written, so a
 * password never reaches the file.
 */
public final class Transcript implements AutoCloseable {

	private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

	private final Path file;

	private final BufferedWriter writer;

	private final Supplier<List<String>> secrets;

	private final StringBuilder line = new StringBuilder();

	private boolean broken;

	private Transcript(Path file, BufferedWriter writer, Supplier<List<String>> secrets) {
		this.file = file;
		this.writer = writer;
		this.secrets = secrets;
	}

	/** Opens FILE for appending and writes a header line with the date, time and zone. */
	public static Transcript open(Path file, Supplier<List<String>> secrets) {
		try {
			BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND, StandardOpenOption.WRITE);
			Transcript transcript = new Transcript(file, writer, secrets);
			transcript.note("# migsh transcript started " + now() + " by " + System.getProperty("user.name"));
			return transcript;
		}
		catch (IOException ex) {
			throw new MigshException("cannot write the transcript " + file + ": " + ex.getMessage(),
					"give a file in a folder you can write to, e.g. transcript ~/incident.log");
		}
	}

	public Path file() {
		return this.file;
	}

	/** Characters as they are shown; written line by line. */
	public synchronized void append(char[] chars, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			char c = chars[i];
			if (c == '\n') {
				writeLine(this.line.toString());
				this.line.setLength(0);
			}
			else if (c != '\r') {
				this.line.append(c);
			}
		}
	}

	/**
	 * A line for the transcript only, such as a command typed at the prompt (the terminal
	 * echoed it already).
	 */
	public synchronized void note(String text) {
		if (!this.line.isEmpty()) {
			writeLine(this.line.toString());
			this.line.setLength(0);
		}
		writeLine(text);
	}

	@Override
	public synchronized void close() {
		note("# migsh transcript ended " + now());
		try {
			this.writer.close();
		}
		catch (IOException ex) {
			this.broken = true;
		}
	}

	private void writeLine(String text) {
		if (this.broken) {
			return;
		}
		String plain = ANSI.matcher(text).replaceAll("");
		try {
			this.writer.write(ErrorReporter.redact(plain, this.secrets.get()));
			this.writer.newLine();
			this.writer.flush();
		}
		catch (IOException ex) {
			// the terminal output goes on; a transcript that cannot be written is
			// dropped, not fatal
			this.broken = true;
		}
	}

	private static String now() {
		return OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
	}

}
