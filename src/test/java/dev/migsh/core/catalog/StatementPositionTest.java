package dev.migsh.core.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.catalog.SqlStatement.TextPosition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server error position (a character count into the statement text sent, which keeps
 * the comments before the statement) maps to the line and column in the file.
 */
class StatementPositionTest {

	@TempDir
	Path dir;

	@Test
	void countsACommentBeforeTheStatementFromTheTextsOwnStart() {
		SqlStatement statement = SqlSplitter.split("-- c\nCREATE TABLE {x}", null, 1).get(0);

		assertThat(statement.line()).isEqualTo(2);
		assertThat(statement.positionOf(position(statement, "{x}"))).isEqualTo(new TextPosition(2, 14));
	}

	@Test
	void countsBlankLinesBlockCommentsAndEarlierStatements() {
		List<SqlStatement> statements = SqlSplitter
			.split("SELECT 1;\n\n  /* a\n     block */\n  -- and a line\n  SELECT\n    nope FROM t;", null, 10);
		SqlStatement second = statements.get(1);

		assertThat(second.line()).isEqualTo(15);
		assertThat(second.column()).isEqualTo(3);
		assertThat(second.positionOf(position(second, "nope"))).isEqualTo(new TextPosition(16, 5));
		assertThat(second.positionOf(0)).isEqualTo(new TextPosition(15, 3));
	}

	@Test
	void countsLinesOfACrlfFileAsTheEditorShowsThem() throws IOException {
		Files.writeString(this.dir.resolve("001-a.sql"),
				"-- migrate:up\r\n-- first comment\r\n\r\nCREATE TABLE t (\r\n  id int,\r\n  bad tyype\r\n);\r\n");

		SqlStatement statement = MigrationDirectory.read(this.dir).migrations().get(0).up().statements().get(0);

		assertThat(statement.positionOf(position(statement, "tyype"))).isEqualTo(new TextPosition(6, 7));
	}

	@Test
	void countsCharactersOutsideTheBasicPlaneOnce() {
		SqlStatement statement = SqlSplitter.split("-- \uD83D\uDE00\nSELECT '\uD83D\uDE00' nope", null, 1).get(0);

		assertThat(statement.positionOf(position(statement, "nope"))).isEqualTo(new TextPosition(2, 12));
	}

	// what PostgreSQL reports: a 1-based count of characters (code points)
	private static int position(SqlStatement statement, String text) {
		return statement.sent().codePointCount(0, statement.sent().indexOf(text)) + 1;
	}

}
