package dev.migsh.core.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migsh.core.catalog.SqlToken.Type;

/**
 * Cuts a section's SQL into statements at top-level semicolons the way psql does, so a
 * file behaves here as it would under {@code psql -f}; psql-only input (meta-commands,
 * {@code COPY FROM STDIN}) is refused rather than sent to the server.
 */
public final class SqlSplitter {

	private final String sql;

	private final Path file;

	private final List<SqlToken> tokens;

	private final LineMap lines;

	private final List<SqlStatement> statements = new ArrayList<>();

	private SqlSplitter(String sql, Path file, int firstLine, List<SqlToken> tokens) {
		this.sql = sql;
		this.file = file;
		this.lines = new LineMap(sql, firstLine);
		this.tokens = tokens;
	}

	/**
	 * Splits {@code sql}, a piece of {@code file} starting on line {@code firstLine}.
	 * Each statement keeps the comments before it and not its semicolon; its position is
	 * that of its first token that is not a comment, in file lines.
	 * @throws MigrationFileException for an unterminated literal or comment, a psql
	 * meta-command or {@code COPY ... FROM STDIN}
	 */
	public static List<SqlStatement> split(String sql, Path file, int firstLine) {
		List<SqlToken> tokens;
		try {
			tokens = SqlLexer.tokenize(sql, file, firstLine);
		}
		catch (MigrationFileException unterminated) {
			// COPY data or a psql meta-command earlier in the file explains the stray
			// quote better.
			List<SqlToken> lenient = SqlLexer.tokenize(sql, null, firstLine);
			try {
				new SqlSplitter(sql, file, firstLine, lenient).run();
			}
			catch (MigrationFileException earlier) {
				if (earlier.line() < unterminated.line()
						|| (earlier.line() == unterminated.line() && earlier.column() < unterminated.column())) {
					throw earlier;
				}
			}
			throw unterminated;
		}
		return new SqlSplitter(sql, file, firstLine, tokens).run();
	}

	/**
	 * Splits as {@link #split(String, Path, int)}, then replaces placeholders in each
	 * statement (the history's text replayed, for instance).
	 * @throws MigrationFileException also for a placeholder without a value
	 */
	public static List<SqlStatement> split(String sql, Path file, int firstLine, Placeholders placeholders) {
		PlaceholderReplacer replacer = new PlaceholderReplacer(placeholders, file);
		return split(sql, file, firstLine).stream().map(replacer::replace).toList();
	}

	private List<SqlStatement> run() {
		int textStart = 0;
		int first = -1;
		int parenDepth = 0;
		int beginDepth = 0;
		int words = 0;
		char[] leadingWords = new char[4];
		for (int i = 0; i < this.tokens.size(); i++) {
			SqlToken token = this.tokens.get(i);
			if (token.type() == Type.COMMENT) {
				continue;
			}
			if (token.text().equals("\\")) {
				throw metaCommand(token);
			}
			if (token.type() == Type.PUNCTUATION && token.text().equals(";") && parenDepth == 0 && beginDepth == 0) {
				if (first >= 0) {
					add(textStart, token.offset(), first, i);
				}
				textStart = token.offset() + 1;
				first = -1;
				words = 0;
				leadingWords = new char[4];
				continue;
			}
			if (first < 0) {
				first = i;
			}
			if (token.is("(")) {
				parenDepth++;
			}
			else if (token.is(")") && parenDepth > 0) {
				parenDepth--;
			}
			else if (token.type() == Type.WORD) {
				// psqlscan.l's heuristic: inside CREATE [OR REPLACE] FUNCTION|PROCEDURE,
				// track
				// BEGIN/CASE ... END so a BEGIN ATOMIC body's semicolons do not end the
				// statement.
				String word = token.text().toLowerCase(Locale.ROOT);
				if (words < leadingWords.length
						&& List.of("create", "or", "replace", "function", "procedure").contains(word)) {
					leadingWords[words] = word.charAt(0);
				}
				words++;
				if (definesRoutine(leadingWords) && parenDepth == 0) {
					if (word.equals("begin") || (word.equals("case") && beginDepth > 0)) {
						beginDepth++;
					}
					else if (word.equals("end") && beginDepth > 0) {
						beginDepth--;
					}
				}
			}
		}
		if (first >= 0) {
			add(textStart, this.sql.length(), first, this.tokens.size());
		}
		return List.copyOf(this.statements);
	}

	private static boolean definesRoutine(char[] w) {
		boolean routine1 = w[1] == 'f' || w[1] == 'p';
		boolean routine3 = w[1] == 'o' && w[2] == 'r' && (w[3] == 'f' || w[3] == 'p');
		return w[0] == 'c' && (routine1 || routine3);
	}

	private void add(int textStart, int textEnd, int first, int end) {
		SqlToken start = this.tokens.get(first);
		if (start.isWord("copy")) {
			for (int i = first + 1; i < end - 1; i++) {
				if (this.tokens.get(i).isWord("from") && this.tokens.get(i + 1).isWord("stdin")) {
					throw new MigrationFileException(this.file, start.line(), start.column(),
							"COPY ... FROM STDIN is not supported: the data would have to follow in the file",
							"load the rows with INSERT statements, or run this file with psql");
				}
			}
		}
		String raw = this.sql.substring(textStart, textEnd);
		String text = raw.strip();
		// the text keeps the comments before the statement: server positions count from
		// the text's own start, not from the first token
		int textOffset = textStart + raw.indexOf(text);
		SqlStatement.Origin origin = new SqlStatement.Origin(this.lines.line(textOffset), this.lines.column(textOffset),
				text, text, List.of());
		this.statements.add(new SqlStatement(text, start.line(), start.column(), origin));
	}

	private MigrationFileException metaCommand(SqlToken backslash) {
		int end = backslash.offset() + 1;
		while (end < this.sql.length() && Character.isLetter(this.sql.charAt(end))) {
			end++;
		}
		if (end == backslash.offset() + 1 && end < this.sql.length() && !Character.isWhitespace(this.sql.charAt(end))) {
			end++;
		}
		String command = this.sql.substring(backslash.offset(), end);
		return new MigrationFileException(this.file, backslash.line(), backslash.column(),
				"psql meta-command " + command + " is not supported",
				"migsh sends SQL to the server, not to psql: inline the SQL instead "
						+ "(for \\i or \\ir, paste the included file's statements)");
	}

}
