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

	private final Placeholders placeholders;

	private SectionReader(Path file, String text, Placeholders placeholders) {
		this.file = file;
		this.text = text;
		this.placeholders = placeholders;
	}

	/**
	 * The sections of a one-file migration; the up section is always there, perhaps
	 * empty.
	 */
	static Map<SectionKind, Section> readSections(Path file, String text, Placeholders placeholders) {
		return new SectionReader(file, text, placeholders).sections();
	}

	/**
	 * A file that is one section as a whole ({@code NAME.up.sql}, {@code U1__x.sql}); one
	 * header of its own kind may come before its SQL to set options. An empty file is an
	 * empty section.
	 */
	static Section readWhole(Path file, String text, SectionKind kind, Placeholders placeholders) {
		return new SectionReader(file, text, placeholders).whole(kind);
	}

	private Map<SectionKind, Section> sections() {
		List<Header> headers = headers();
		if (headers.isEmpty() && firstSqlToken(this.text, 1).isEmpty()) {
			// an empty or comments-only file is an empty migration, as golang-migrate
			// reads
			// it
			return new EnumMap<>(Map.of(SectionKind.UP, section(SectionKind.UP, this.text, 1, true)));
		}
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
		if (!seen.containsKey(SectionKind.UP)) {
			throw new MigrationFileException(this.file, 1, 1, "no -- migrate:up section",
					"add a -- migrate:up header above the SQL that applies the migration");
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
		return section;
	}

	private Section section(SectionKind kind, String body, int firstLine, boolean transactional) {
		List<SqlStatement> statements = SqlSplitter.split(body, this.file, firstLine, this.placeholders);
		// Trailing blank lines belong to the file layout, not the section: adding a
		// section below must not look like an edit of this one.
		String sql = body.stripTrailing();
		String checksum = Checksums.sha256(sql);
		if (!transactional) {
			return new Section(kind, this.file, sql, false, statements, checksum);
		}
		for (SqlStatement statement : statements) {
			Optional<String> what = NoTransaction.statementKind(statement.sql());
			if (what.isEmpty()) {
				continue;
			}
			if (statements.size() == 1) {
				// as golang-migrate runs it: one statement needs no transaction to be
				// atomic
				return new Section(kind, this.file, sql, false, statements, checksum,
						Optional.of(Section.SINGLE_NON_TRANSACTIONAL + " (" + what.get() + ")"));
			}
			throw new MigrationFileException(this.file, statement.line(), statement.column(),
					what.get() + " cannot run in a transaction, and this " + kind.word() + " section has "
							+ statements.size() + " statements",
					"put it alone in a migration of its own, or start the section with -- migrate:" + kind.word()
							+ " transaction:false (then a failure halfway keeps the statements before it)");
		}
		return new Section(kind, this.file, sql, true, statements, checksum);
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
