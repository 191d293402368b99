package dev.migsh.core.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.LintContext;
import dev.migsh.core.lint.Linter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A section whose only statement cannot run in a transaction runs outside one, as in
 * golang-migrate; with other statements beside it the file is refused before anything
 * runs.
 */
class NonTransactionalSectionTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);",
			"create unique index concurrently users_email_idx on users (lower(email))",
			"DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;", "REINDEX INDEX CONCURRENTLY users_email_idx;",
			"REINDEX (VERBOSE) TABLE CONCURRENTLY users;", "VACUUM (ANALYZE) users;", "CREATE DATABASE reports;",
			"ALTER SYSTEM SET work_mem = '64MB';", "REINDEX SCHEMA public;" })
	void runsALoneStatementThatCannotRunInATransactionOutsideOne(String statement) throws IOException {
		write("000004_index.up.sql", "-- one statement, no transaction needed\n" + statement + "\n");

		Section up = MigrationDirectory.read(this.dir).migrations().get(0).up();

		assertThat(up.transactional()).isFalse();
		assertThat(up.noTransactionReason())
			.hasValueSatisfying(reason -> assertThat(reason).startsWith(Section.SINGLE_NON_TRANSACTIONAL));
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX users_email_idx ON users (email);", "ALTER TYPE mood ADD VALUE 'meh';",
			"SELECT 'CREATE INDEX CONCURRENTLY x';", "-- CREATE INDEX CONCURRENTLY x ON y (z);\nSELECT 1;" })
	void keepsOtherLoneStatementsInATransaction(String statement) throws IOException {
		write("000004_index.up.sql", statement + "\n");

		Section up = MigrationDirectory.read(this.dir).migrations().get(0).up();

		assertThat(up.transactional()).isTrue();
		assertThat(up.noTransactionReason()).isEmpty();
	}

	@Test
	void refusesSuchAStatementAmongOthersNamingTheLineAndTheHeaderToUse() throws IOException {
		write("20240112120000_index.sql", """
				-- migrate:up
				ALTER TABLE posts ADD COLUMN slug text;
				CREATE INDEX CONCURRENTLY posts_slug_idx ON posts (slug);
				-- migrate:down
				DROP INDEX posts_slug_idx;
				""");

		assertThatThrownBy(() -> MigrationDirectory.read(this.dir)).isInstanceOfSatisfying(MigrationFileException.class,
				e -> {
					assertThat(e.getMessage()).contains("20240112120000_index.sql:3:1",
							"CREATE INDEX CONCURRENTLY cannot run in a transaction", "2 statements");
					assertThat(e.hint()).contains("-- migrate:up transaction:false");
				});
	}

	@Test
	void refusesItInADownFileTooNamingTheDownHeader() throws IOException {
		write("000004_index.up.sql", "SELECT 1;\n");
		write("000004_index.down.sql", "DROP INDEX CONCURRENTLY a_idx;\nDROP INDEX CONCURRENTLY b_idx;\n");

		assertThatThrownBy(() -> MigrationDirectory.read(this.dir)).isInstanceOfSatisfying(MigrationFileException.class,
				e -> {
					assertThat(e.getMessage()).contains("000004_index.down.sql:1:1");
					assertThat(e.hint()).contains("-- migrate:down transaction:false");
				});
	}

	@Test
	void leavesASectionMarkedTransactionFalseAsWritten() throws IOException {
		write("000004_index.up.sql", """
				-- migrate:up transaction:false
				CREATE INDEX CONCURRENTLY IF NOT EXISTS a_idx ON a (x);
				CREATE INDEX CONCURRENTLY IF NOT EXISTS b_idx ON b (x);
				""");

		Section up = MigrationDirectory.read(this.dir).migrations().get(0).up();

		assertThat(up.transactional()).isFalse();
		assertThat(up.noTransactionReason()).isEmpty();
		assertThat(up.statements()).hasSize(2);
	}

	@Test
	void theLinterDoesNotFlagALoneConcurrentIndexThatRunsOutsideATransaction() throws IOException {
		write("000004_index.up.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);\n");

		Section up = MigrationDirectory.read(this.dir).migrations().get(0).up();
		Section inTransaction = new Section(up.kind(), up.file(), up.sql(), true, up.statements(), up.checksum());

		assertThat(new Linter().lint(up, LintContext.forServer(170004))).extracting(Finding::ruleId)
			.doesNotContain("TX-01");
		assertThat(new Linter().lint(inTransaction, LintContext.forServer(170004))).extracting(Finding::ruleId)
			.contains("TX-01");
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(this.dir.resolve(name), text);
	}

}
