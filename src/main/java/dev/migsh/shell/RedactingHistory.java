package dev.migsh.shell;

import java.time.Instant;

import org.jline.reader.impl.history.DefaultHistory;

/**
 * The shell's history file, minus secrets: a password inside a connection URL is replaced
 * by {@code ****} before the line is kept.
 */
public final class RedactingHistory extends DefaultHistory {

	@Override
	public void add(Instant time, String line) {
		super.add(time, ErrorReporter.redact(line, java.util.List.of()));
	}

}
