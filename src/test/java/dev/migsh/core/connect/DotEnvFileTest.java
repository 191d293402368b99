package dev.migsh.core.connect;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migsh.core.MigshException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DotEnvFileTest extends ResolverFixture {

	@Test
	void readsBareQuotedAndExportedValuesSkippingCommentsAndBlankLines() {
		Map<String, String> vars = DotEnvFile.read(dotEnv("# the seed's settings", "", "DB_HOST=db.internal",
				"export DB_USER=app", "  DB_DATABASE = lms  ", "DB_PASSWORD='single #quoted \"kept\"'",
				"PGPASSWORD=\"two words # kept\"", "PGUSER=bob # a comment", "PGAPPNAME=a#b", "EMPTY=",
				"ESCAPED=\"line\\nnext \\\"q\\\"\"", "SINGLE='no \\n escapes'"));
		assertThat(vars).containsEntry("DB_HOST", "db.internal")
			.containsEntry("DB_USER", "app")
			.containsEntry("DB_DATABASE", "lms")
			.containsEntry("DB_PASSWORD", "single #quoted \"kept\"")
			.containsEntry("PGPASSWORD", "two words # kept")
			.containsEntry("PGUSER", "bob")
			.containsEntry("PGAPPNAME", "a#b")
			.containsEntry("EMPTY", "")
			.containsEntry("ESCAPED", "line\nnext \"q\"")
			.containsEntry("SINGLE", "no \\n escapes");
		assertThat(vars).doesNotContainKey("# the seed's settings");
	}

	@Test
	void theLastAssignmentOfANameWins() {
		assertThat(DotEnvFile.read(dotEnv("PGHOST=a", "PGHOST=b"))).containsEntry("PGHOST", "b");
	}

	@Test
	void aMissingFileGivesNoVariables() {
		assertThat(DotEnvFile.read(this.work.resolve(".env"))).isEmpty();
	}

	@Test
	void aLineWithoutEqualsIsReportedByNumberWithoutItsText() {
		dotEnv("PGHOST=db", "", "PGPASSWORD hunter2");
		assertThatThrownBy(() -> resolve(env())).isInstanceOf(MigshException.class)
			.hasMessageContaining(".env:3")
			.hasMessageNotContaining("hunter2")
			.satisfies((ex) -> assertThat(((MigshException) ex).hint()).contains("KEY=VALUE"));
	}

	@Test
	void anUnclosedQuoteIsMalformed() {
		dotEnv("DB_PASSWORD=\"hunter2");
		assertThatThrownBy(() -> resolve(env())).hasMessageContaining(".env:1")
			.hasMessageContaining("not closed")
			.hasMessageNotContaining("hunter2");
	}

	@Test
	void textAfterAClosingQuoteIsMalformed() {
		dotEnv("DB_HOST=db", "DB_PASSWORD='hunter2' trailing");
		assertThatThrownBy(() -> resolve(env())).hasMessageContaining(".env:2").hasMessageNotContaining("hunter2");
	}

	@Test
	void aNameThatIsNotAVariableIsMalformed() {
		dotEnv("DB HOST=db");
		assertThatThrownBy(() -> resolve(env())).isInstanceOf(MigshException.class).hasMessageContaining(".env:1");
	}

}
