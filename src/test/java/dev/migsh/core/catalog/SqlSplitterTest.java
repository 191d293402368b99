package dev.migsh.core.catalog;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SqlSplitterTest {

	private static final Path FILE = Path.of("migrations/007-seed.sql");

	@Test
	void positionsAreFileLinesCountedFromTheFirstLineGiven() {
		assertThat(SqlSplitter.split("-- note\n  SELECT 1; SELECT 2;", FILE, 5))
			.extracting(SqlStatement::sql, SqlStatement::line, SqlStatement::column)
			.containsExactly(tuple("-- note\n  SELECT 1", 6, 3), tuple("SELECT 2", 6, 13));
	}

	@Test
	void onlyCommentsAndSemicolonsMakeNoStatement() {
		assertThat(SqlSplitter.split(" ;; -- nothing\n/* at all */ ;\n", FILE, 1)).isEmpty();
	}

	@Test
	void semicolonsInsideParenthesesDoNotSplitLikePsql() {
		assertThat(SqlSplitter.split("CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2); SELECT 3", FILE, 1))
			.extracting(SqlStatement::sql)
			.containsExactly("CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2)", "SELECT 3");
	}

	@Test
	void beginOutsideARoutineIsATransactionStatement() {
		assertThat(SqlSplitter.split("BEGIN; CREATE TABLE begin_end (x int); END;", FILE, 1)).hasSize(3);
	}

	@Test
	void refusesPsqlMetaCommandsAtTheBackslash() {
		assertRefused("SELECT 1;\n\\i other.sql\n", 2, 1, "psql meta-command \\i is not supported", "inline");
		assertRefused("SELECT 1;\n  \\set ON_ERROR_STOP on\n", 2, 3, "psql meta-command \\set is not supported",
				"inline");
		assertRefused("\\connect other\nSELECT 1;", 1, 1, "psql meta-command \\connect is not supported", "inline");
		assertRefused("SELECT 1 \\gset\n", 1, 10, "psql meta-command \\gset is not supported", "inline");
	}

	@Test
	void backslashesInsideLiteralsAndCommentsAreSql() {
		assertThat(SqlSplitter.split("SELECT E'\\n', '\\i'; -- \\i x\n/* \\copy */ SELECT $$\\set$$;", FILE, 1))
			.hasSize(2);
	}

	@Test
	void refusesCopyFromStdinAtTheCopy() {
		assertRefused("CREATE TABLE t (a text);\ncopy t (a) FROM stdin;\nit's data\n\\.\n", 2, 1,
				"COPY ... FROM STDIN is not supported", "INSERT");
	}

	@Test
	void allowsCopyFromAServerFile() {
		assertThat(SqlSplitter.split("COPY t FROM '/tmp/t.csv' WITH (FORMAT csv)", FILE, 1)).hasSize(1);
	}

	@Test
	void reportsAnUnterminatedLiteralAtItsOpeningInFileLines() {
		assertRefused("SELECT 1;\nSELECT 'abc;\nSELECT 2;", 11, 8, "unterminated quoted string", "'");
		assertRefused("SELECT \"abc", 10, 8, "unterminated quoted identifier", "\"");
		assertRefused("DO $do$ BEGIN END $$;", 10, 4, "unterminated dollar-quoted string $do$", "$do$");
		assertRefused("SELECT 1; /* a /* b */ SELECT 2;", 10, 11, "unterminated /* comment", "*/");
	}

	private static void assertRefused(String sql, int line, int column, String problem, String hintPart) {
		int firstLine = problem.startsWith("unterminated") ? 10 : 1;
		assertThatThrownBy(() -> SqlSplitter.split(sql, FILE, firstLine))
			.isInstanceOfSatisfying(MigrationFileException.class, e -> {
				assertThat(e.getMessage()).startsWith(FILE + ":" + line + ":" + column + ": ");
				assertThat(e.line()).isEqualTo(line);
				assertThat(e.column()).isEqualTo(column);
				assertThat(e.getMessage()).contains(problem);
				assertThat(e.hint()).contains(hintPart);
			});
	}

}
