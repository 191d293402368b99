package dev.migsh.core.catalog;

import java.util.List;

/**
 * One SQL statement of a migration section, as the splitter cut it: the text shown and
 * analysed (without its terminating semicolon, placeholders replaced except secret ones),
 * where its first token that is not a comment starts in its file (1-based line and
 * column), and the {@link Origin} holding the text {@link #sent() sent} to the server and
 * mapping positions in it back to the file as written.
 */
public record SqlStatement(String sql, int line, int column, Origin origin) {

	/** A statement whose text starts at {@code line}:{@code column} as it is sent. */
	public SqlStatement(String sql, int line, int column) {
		this(sql, line, column, new Origin(line, column, sql, sql, List.of()));
	}

	/** The text to execute: every placeholder replaced, secret ones included. */
	public String sent() {
		return this.origin.sent();
	}

	/** True when placeholders were replaced in this statement. */
	public boolean hasPlaceholders() {
		return !this.origin.replacements().isEmpty();
	}

	/**
	 * The file line and column of a 1-based character (code point) position in
	 * {@link #sql()}, as PostgreSQL reports it; zero or less gives the statement's start.
	 */
	public TextPosition positionOf(int serverPosition) {
		if (serverPosition <= 0) {
			return new TextPosition(this.line, this.column);
		}
		String sent = sent();
		int offset = sent.offsetByCodePoints(0, Math.min(serverPosition - 1, sent.codePointCount(0, sent.length())));
		return this.origin.positionOf(offset);
	}

	/**
	 * Where a statement's text comes from: the text as written in the file and where it
	 * starts, the text sent, and the placeholders replaced (offsets into the written and
	 * the sent text, in order).
	 */
	public record Origin(int line, int column, String written, String sent, List<Replacement> replacements) {

		public Origin {
			replacements = List.copyOf(replacements);
		}

		/** The file position of a char offset in the sent text. */
		TextPosition positionOf(int sentOffset) {
			int writtenOffset = sentOffset;
			for (Replacement r : this.replacements) {
				if (sentOffset < r.sentStart()) {
					break;
				}
				if (sentOffset < r.sentStart() + r.sentLength()) {
					writtenOffset = r.writtenStart();
					break;
				}
				writtenOffset = sentOffset - (r.sentStart() + r.sentLength()) + r.writtenStart() + r.writtenLength();
			}
			int lineNumber = this.line;
			int col = this.column;
			int end = Math.min(writtenOffset, this.written.length());
			for (int i = 0; i < end; i = this.written.offsetByCodePoints(i, 1)) {
				if (this.written.charAt(i) == '\n') {
					lineNumber++;
					col = 1;
				}
				else {
					col++;
				}
			}
			return new TextPosition(lineNumber, col);
		}

	}

	/**
	 * One placeholder replaced in a statement: {@code writtenLength} chars at
	 * {@code writtenStart} in the file text became {@code sentLength} chars at
	 * {@code sentStart}.
	 */
	public record Replacement(int writtenStart, int writtenLength, int sentStart, int sentLength) {
	}

	/** A 1-based line and column in a migration file. */
	public record TextPosition(int line, int column) {
	}

}
