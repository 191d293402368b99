package dev.migsh.core.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsh.core.catalog.SqlToken.Type;

/**
 * Finds the {@code -- migrate:KIND [transaction:false]} headers of a migration file and
 * cuts it into sections. Text is already normalised (LF line endings, no BOM).
 */
final class SectionReader {

	private static final Pattern HEADER = Pattern.compile("--\\s*migrate:(\\S*)(.*)");

	private static final Pattern OPTION = Pattern.compile("\\S+");

	private static final String HEADER_HINT = "section headers look like: -- migrate:up, -- migrate:down, "
			+ "-- migrate:verify, optionally followed by transaction:false";

	private final Path file;

	private final String text;

	private SectionReader(Path file, String text) {
		this.file = file;
		this.text = text;
	}

	/** The sections of a one-file migration; the up section is always there. */
	static Map<SectionKind, Section> readSections(Path file, String text) {
		return new SectionReader(file, text).sections();
	}

	/**
	 * A file that is one section as a whole ({@code NAME.up.sql}, {@code U1__x.sql}); one
	 * header of its own kind may come before its SQL to set options.
	 */
	static Section readWhole(Path file, String text, SectionKind kind) {
		return new SectionReader(file, text).whole(kind);
	}

	private Map<SectionKind, Section> sections() {
		List<Header> headers = headers();
		if (headers.isEmpty()) {
			throw new MigrationFileException(this.file, 1, 1, "no -- migrate:up section",
					"start the migration with a line -- migrate:up, then add -- migrate:down for its undo; "
							+ "or name the file NAME.up.sql to use the whole file as the up section");
		}
		firstSqlToken(this.text.substring(0, headers.get(0).start()), 1).ifPresent(token -> {
			throw new MigrationFileException(this.file, token.line(), token.column(),
					"SQL before the first -- migrate: header", "move it below -- migrate:up, or make it a comment");
		});
		Map<SectionKind, Section> sections = new EnumMap<>(SectionKind.class);
		Map<SectionKind, Header> seen = new EnumMap<>(SectionKind.class);
		for (int i = 0; i < headers.size(); i++) {
			Header header = headers.get(i);
			Header earlier = seen.putIfAbsent(header.kind(), header);
			if (earlier != null) {
				throw new MigrationFileException(
						this.file, header.line(), 1, "section -- migrate:" + header.kind().word()
								+ " appears twice (first on line " + earlier.line() + ")",
						"merge the two sections into one");
			}
			int end = (i + 1 < headers.size()) ? headers.get(i + 1).start() : this.text.length();
			String body = this.text.substring(header.end(), end);
			sections.put(header.kind(), section(header.kind(), body, header.line() + 1, header.transactional()));
		}
		Header up = seen.get(SectionKind.UP);
		if (up == null) {
			throw new MigrationFileException(this.file, 1, 1, "no -- migrate:up section",
					"add a -- migrate:up header above the SQL that applies the migration");
		}
		if (sections.get(SectionKind.UP).isEmpty()) {
			throw new MigrationFileException(this.file, up.line(), 1, "the -- migrate:up section has no statement",
					"write the migration's SQL below -- migrate:up, or delete the file");
		}
		return sections;
	}

	private Section whole(SectionKind kind) {
		List<Header> headers = headers();
		Section section = section(kind, this.text, 1, headers.isEmpty() || headers.get(0).transactional());
		int firstSqlLine = section.statements().isEmpty() ? Integer.MAX_VALUE : section.statements().get(0).line();
		for (int i = 0; i < headers.size(); i++) {
			Header header = headers.get(i);
			if (i > 0 || header.kind() != kind || header.line() > firstSqlLine) {
				throw new MigrationFileException(this.file, header.line(), 1,
						"unexpected section header -- migrate:" + header.kind().word() + ": this whole file is the "
								+ kind.word() + " section",
						"keep at most one -- migrate:" + kind.word()
								+ " header, above the SQL, to set options; put the other part in its own file");
			}
		}
		if (kind == SectionKind.UP && section.isEmpty()) {
			throw new MigrationFileException(this.file, 1, 1, "the up migration has no statement",
					"write the migration's SQL in the file, or delete it");
		}
		return section;
	}

	private Section section(SectionKind kind, String body, int firstLine, boolean transactional) {
		List<SqlStatement> statements = SqlSplitter.split(body, this.file, firstLine);
		// Trailing blank lines belong to the file layout, not the section: adding a
		// section
		// below must not look like an edit of this one.
		String sql = body.stripTrailing();
		return new Section(kind, this.file, sql, transactional, statements, Checksums.sha256(sql));
	}

	private Optional<SqlToken> firstSqlToken(String sql, int firstLine) {
		return SqlLexer.tokenize(sql, this.file, firstLine)
			.stream()
			.filter(token -> token.type() != Type.COMMENT)
			.findFirst();
	}

	private List<Header> headers() {
		List<Header> headers = new ArrayList<>();
		int start = 0;
		int line = 1;
		while (start < this.text.length()) {
			int newline = this.text.indexOf('\n', start);
			int end = (newline < 0) ? this.text.length() : newline + 1;
			String content = this.text.substring(start, (newline < 0) ? end : newline);
			Matcher matcher = HEADER.matcher(content);
			if (matcher.matches()) {
				headers.add(header(matcher, line, start, end));
			}
			start = end;
			line++;
		}
		return headers;
	}

	private Header header(Matcher matcher, int line, int start, int end) {
		String word = matcher.group(1);
		SectionKind kind = null;
		for (SectionKind candidate : SectionKind.values()) {
			if (candidate.word().equals(word)) {
				kind = candidate;
			}
		}
		if (kind == null) {
			throw new MigrationFileException(this.file, line, matcher.start(1) + 1,
					"unknown section '" + word + "': expected up, down or verify", HEADER_HINT);
		}
		boolean transactional = true;
		Matcher option = OPTION.matcher(matcher.group(2));
		while (option.find()) {
			int column = matcher.start(2) + option.start() + 1;
			String text = option.group();
			int colon = text.indexOf(':');
			String key = (colon < 0) ? text : text.substring(0, colon);
			if (!key.equals("transaction")) {
				throw new MigrationFileException(this.file, line, column,
						"unknown option '" + text + "' in -- migrate:" + word + ": the only option is transaction",
						HEADER_HINT);
			}
			String value = (colon < 0) ? "" : text.substring(colon + 1);
			if (!value.equals("true") && !value.equals("false")) {
				throw new MigrationFileException(this.file, line, column,
						"bad value '" + value + "' for option transaction: expected true or false",
						"write transaction:false to run the section outside a transaction (CREATE INDEX CONCURRENTLY), "
								+ "or leave the option out");
			}
			transactional = value.equals("true");
		}
		return new Header(kind, transactional, line, start, end);
	}

	private record Header(SectionKind kind, boolean transactional, int line, int start, int end) {
	}

}
