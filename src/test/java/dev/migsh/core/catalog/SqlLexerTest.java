package dev.migsh.core.catalog;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsh.core.catalog.SqlToken.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SqlLexerTest {

	private static final Path FILE = Path.of("migrations/001-x.sql");

	@Test
	void lexesWordsPunctuationAndOperatorsWithPositions() {
		List<SqlToken> tokens = SqlLexer.tokenize("SELECT a::int, b->>'k'\n  FROM t WHERE x <> $1;");
		assertThat(tokens).extracting(SqlToken::type, SqlToken::text, SqlToken::line, SqlToken::column)
			.containsExactly(tuple(Type.WORD, "SELECT", 1, 1), tuple(Type.WORD, "a", 1, 8),
					tuple(Type.OPERATOR, "::", 1, 9), tuple(Type.WORD, "int", 1, 11),
					tuple(Type.PUNCTUATION, ",", 1, 14), tuple(Type.WORD, "b", 1, 16),
					tuple(Type.OPERATOR, "->>", 1, 17), tuple(Type.STRING, "'k'", 1, 20),
					tuple(Type.WORD, "FROM", 2, 3), tuple(Type.WORD, "t", 2, 8), tuple(Type.WORD, "WHERE", 2, 10),
					tuple(Type.WORD, "x", 2, 16), tuple(Type.OPERATOR, "<>", 2, 18), tuple(Type.PARAMETER, "$1", 2, 21),
					tuple(Type.PUNCTUATION, ";", 2, 23));
	}

	@Test
	void standardStringsKeepBackslashesAndDoubleQuotesEscape() {
		assertThat(texts("'a\\' 'it''s'")).containsExactly("'a\\'", "'it''s'");
	}

	@Test
	void escapeStringsHonourBackslashes() {
		assertThat(SqlLexer.tokenize("E'\\'' e'a\\\\' x")).extracting(SqlToken::type, SqlToken::text)
			.containsExactly(tuple(Type.STRING, "E'\\''"), tuple(Type.STRING, "e'a\\\\'"), tuple(Type.WORD, "x"));
	}

	@Test
	void prefixedStringsAreOneToken() {
		assertThat(SqlLexer.tokenize("U&'d\\0061t' B'101' X'1F' N'n'")).extracting(SqlToken::type)
			.containsOnly(Type.STRING)
			.hasSize(4);
	}

	@Test
	void quotedIdentifiersUnescapeDoubledQuotes() {
		List<SqlToken> tokens = SqlLexer.tokenize("\"a;\"\"b\" Users U&\"x\"");
		assertThat(tokens).extracting(SqlToken::type)
			.containsExactly(Type.QUOTED_IDENTIFIER, Type.WORD, Type.QUOTED_IDENTIFIER);
		assertThat(tokens).extracting(SqlToken::identifierValue).containsExactly("a;\"b", "users", "x");
		assertThat(tokens.get(1).isWord("USERS")).isTrue();
		assertThat(tokens.get(0).isWord("a")).isFalse();
	}

	@Test
	void dollarQuotesNeedTheirOwnTag() {
		assertThat(SqlLexer.tokenize("$$a;$b$$ $fn$ $$ ; $fn$ $1 foo$$bar")).extracting(SqlToken::type, SqlToken::text)
			.containsExactly(tuple(Type.DOLLAR_STRING, "$$a;$b$$"), tuple(Type.DOLLAR_STRING, "$fn$ $$ ; $fn$"),
					tuple(Type.PARAMETER, "$1"), tuple(Type.WORD, "foo$$bar"));
	}

	@Test
	void blockCommentsNest() {
		assertThat(SqlLexer.tokenize("/* a /* b; */ c; */ x -- y;\nz")).extracting(SqlToken::type, SqlToken::text)
			.containsExactly(tuple(Type.COMMENT, "/* a /* b; */ c; */"), tuple(Type.WORD, "x"),
					tuple(Type.COMMENT, "-- y;"), tuple(Type.WORD, "z"));
	}

	@Test
	void numbersInTheirForms() {
		assertThat(texts("1 1.5 .5 1e10 2.5E-3 0x1F 1_000 1..2")).containsExactly("1", "1.5", ".5", "1e10", "2.5E-3",
				"0x1F", "1_000", "1", ".", ".", "2");
	}

	@Test
	void operatorsStopAtCommentsAndDropTrailingSigns() {
		assertThat(texts("a=-1 b*-- c\n@- d/*e*/")).containsExactly("a", "=", "-", "1", "b", "*", "-- c", "@-", "d",
				"/*e*/");
	}

	@Test
	void countsLinesAfterCrLfAndFromTheFirstLineGiven() {
		List<SqlToken> tokens = SqlLexer.tokenize("a\r\nb\rc", FILE, 10);
		assertThat(tokens).extracting(SqlToken::line, SqlToken::column)
			.containsExactly(tuple(10, 1), tuple(11, 1), tuple(12, 1));
	}

	@Test
	void reportsUnterminatedConstructsWhereTheyOpen() {
		assertUnterminated("select 1;\n  select 'abc", 2, 10, "unterminated quoted string");
		assertUnterminated("select \"abc", 1, 8, "unterminated quoted identifier");
		assertUnterminated("do $body$ begin end $$", 1, 4, "unterminated dollar-quoted string $body$");
		assertUnterminated("x /* a /* b */", 1, 3, "unterminated /* comment");
		assertUnterminated("x E'\\'", 1, 3, "unterminated escape string");
	}

	@Test
	void lenientLexingRunsAnUnterminatedTokenToTheEnd() {
		assertThat(SqlLexer.tokenize("select 'abc")).extracting(SqlToken::type, SqlToken::text)
			.containsExactly(tuple(Type.WORD, "select"), tuple(Type.STRING, "'abc"));
	}

	private static void assertUnterminated(String sql, int line, int column, String problem) {
		assertThatThrownBy(() -> SqlLexer.tokenize(sql, FILE, 1)).isInstanceOfSatisfying(MigrationFileException.class,
				e -> {
					assertThat(e.line()).isEqualTo(line);
					assertThat(e.column()).isEqualTo(column);
					assertThat(e.getMessage()).startsWith(FILE + ":" + line + ":" + column + ": " + problem);
					assertThat(e.hint()).isNotBlank();
				});
	}

	private static List<String> texts(String sql) {
		return SqlLexer.tokenize(sql).stream().map(SqlToken::text).toList();
	}

}
