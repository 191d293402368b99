package dev.migsh.core.catalog;

import java.nio.file.Path;

import dev.migsh.core.MigshException;

/**
 * A migration file that cannot be read or split; the message starts with
 * {@code file:line:column:} so editors can jump to it. Nothing runs when one is thrown.
 */
public class MigrationFileException extends MigshException {

	private final Path file;

	private final int line;

	private final int column;

	public MigrationFileException(Path file, int line, int column, String problem, String hint) {
		super(file + ":" + line + ":" + column + ": " + problem, hint);
		this.file = file;
		this.line = line;
		this.column = column;
	}

	public Path file() {
		return this.file;
	}

	public int line() {
		return this.line;
	}

	public int column() {
		return this.column;
	}

}
