package dev.migsh.core.lint;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migsh.core.catalog.Layout;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.SectionKind;
import dev.migsh.core.catalog.Version;

import static org.assertj.core.api.Assertions.assertThat;

class LinterTest {

	private final Linter linter = new Linter();

	private final LintContext pg17 = LintContext.forServer(170006);

	@Test
	void everyRuleIsDocumentedWithAStableIdAndASafeAlternative() {
		assertThat(this.linter.rules()).hasSizeGreaterThanOrEqualTo(30);
		assertThat(this.linter.rules()).extracting(Rule::id)
			.doesNotHaveDuplicates()
			.allMatch(id -> id.matches("[A-Z]{2}-\\d{2}"));
		assertThat(this.linter.rules()).allSatisfy(rule -> {
			assertThat(rule.id()).startsWith(rule.family().prefix() + "-");
			assertThat(rule.title()).isNotBlank();
			assertThat(rule.why()).isNotBlank();
			assertThat(rule.safeAlternative()).isNotBlank();
		});
	}

	@Test
	void findingCarriesRuleStatementSectionWhyAndAlternative() {
		List<Finding> findings = this.linter.lint(Sections.transactional("SELECT 1;\n\nDROP TABLE users;"), this.pg17);
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("DL-01");
			assertThat(f.dataLoss()).isTrue();
			assertThat(f.severity()).isEqualTo(Severity.ERROR);
			assertThat(f.blocking()).isTrue();
			assertThat(f.message()).contains("users");
			assertThat(f.why()).isNotBlank();
			assertThat(f.safeAlternative()).isNotBlank();
			assertThat(f.statement().line()).isEqualTo(3);
			assertThat(f.section()).isEqualTo(SectionKind.UP);
			assertThat(f.suppressed()).isFalse();
		});
	}

	@Test
	void explainedAllowCommentSuppressesTheFindingButKeepsItForThePlan() {
		String sql = "-- migsh:allow DL-02 because the column is unused since v3\nALTER TABLE users DROP COLUMN legacy;";
		List<Finding> findings = this.linter.lint(Sections.transactional(sql), this.pg17);
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("DL-02");
			assertThat(f.suppressed()).isTrue();
			assertThat(f.suppressionReason()).isEqualTo("the column is unused since v3");
			assertThat(f.blocking()).isFalse();
		});
	}

	@Test
	void allowCommentCoversOnlyTheRulesItNames() {
		String sql = "-- migsh:allow DL-02 because unused\nALTER TABLE users DROP COLUMN legacy, ALTER COLUMN x TYPE int;";
		List<Finding> findings = this.linter.lint(Sections.transactional(sql), this.pg17);
		assertThat(findings).filteredOn(f -> f.ruleId().equals("DL-02")).allMatch(Finding::suppressed);
		assertThat(findings).filteredOn(f -> f.ruleId().equals("LK-05")).isNotEmpty().noneMatch(Finding::suppressed);
	}

	@Test
	void allowCommentMayNameSeveralRulesAndSitInsideTheStatement() {
		String sql = "ALTER TABLE users /* migsh:allow DL-07, LK-05 because the column holds ids < 1000 */\n"
				+ "ALTER COLUMN id TYPE integer;";
		List<Finding> findings = this.linter.lint(Sections.transactional(sql), this.pg17);
		assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("DL-07", "LK-05");
		assertThat(findings).allMatch(Finding::suppressed);
	}

	@Test
	void allowCommentWithoutAReasonSuppressesNothingAndIsItselfAFinding() {
		String sql = "-- migsh:allow DL-01\nDROP TABLE users;";
		List<Finding> findings = this.linter.lint(Sections.transactional(sql), this.pg17);
		assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("DL-01", "OP-12");
		assertThat(findings).noneMatch(Finding::suppressed);
		assertThat(findings).filteredOn(f -> f.ruleId().equals("OP-12"))
			.singleElement()
			.satisfies(f -> assertThat(f.message()).contains("line 1").contains("no reason"));
	}

	@Test
	void unexplainedSuppressionNamesTheFileLineOfItsComment() {
		String sql = "SELECT 1;\n\n-- first\n-- migsh:allow DL-01\n\nDROP TABLE users;";
		List<Finding> findings = this.linter.lint(Sections.transactional(sql), this.pg17);
		assertThat(findings).filteredOn(f -> f.ruleId().equals("OP-12"))
			.singleElement()
			.satisfies(f -> assertThat(f.message()).contains("line 4"))
			.satisfies(f -> assertThat(f.statement().line()).isEqualTo(6));
	}

	@Test
	void unexplainedSuppressionCannotSuppressItself() {
		String sql = "-- migsh:allow OP-12\nSELECT 1;";
		assertThat(this.linter.lint(Sections.transactional(sql), this.pg17)).extracting(Finding::suppressed)
			.containsOnly(false)
			.isNotEmpty();
	}

	@Test
	void tablesCreatedEarlierInTheSectionAreExempt() {
		String sql = """
				CREATE TABLE invoices (id bigint, customer_id bigint, total numeric);
				CREATE INDEX invoices_customer ON invoices (customer_id);
				ALTER TABLE invoices ADD CONSTRAINT invoices_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
				ALTER TABLE invoices ALTER COLUMN total SET NOT NULL;
				""";
		assertThat(this.linter.lint(Sections.transactional(sql), this.pg17)).isEmpty();
	}

	@Test
	void tablesKnownToBeAbsentFromTheServerAreExempt() {
		LintContext known = this.pg17.withExistingTables(Set.of("users"));
		assertThat(this.linter.lint(Sections.transactional("CREATE INDEX i ON users (a);"), known))
			.extracting(Finding::ruleId)
			.contains("LK-01");
		assertThat(this.linter.lint(Sections.transactional("CREATE INDEX i ON brand_new (a);"), known)).isEmpty();
	}

	@Test
	void lockTimeoutOverridesAreJudgedAgainstTheConfiguredDefault() {
		LintContext tenSeconds = this.pg17.withDefaultLockTimeout(10_000);
		assertThat(this.linter.lint(Sections.transactional("SET LOCAL lock_timeout = '8s';"), tenSeconds)).isEmpty();
		assertThat(this.linter.lint(Sections.transactional("SET LOCAL lock_timeout = '8s';"), this.pg17))
			.extracting(Finding::ruleId)
			.containsExactly("OP-01");
	}

	@Test
	void passwordNeverAppearsInAFinding() {
		List<Finding> findings = this.linter.lint(Sections.transactional("CREATE ROLE app LOGIN PASSWORD 'hunter2';"),
				this.pg17);
		assertThat(findings).extracting(Finding::ruleId).contains("OP-11");
		assertThat(findings)
			.allSatisfy(f -> assertThat(f.message() + f.why() + f.safeAlternative() + f.suppressionReason())
				.doesNotContain("hunter2"));
	}

	@Test
	void lintsUpAndDownSectionsOfAMigration() {
		MigrationFile migration = new MigrationFile("031-users-email", Version.parse("031"), "users-email",
				Layout.SECTIONS, List.of(Path.of("031-users-email.sql")),
				Sections.of(SectionKind.UP, true, "ALTER TABLE users ADD COLUMN email text;"),
				Optional.of(Sections.of(SectionKind.DOWN, true, "ALTER TABLE users DROP COLUMN email;")),
				Optional.empty());
		List<Finding> findings = this.linter.lint(migration, this.pg17);
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("DL-02");
			assertThat(f.section()).isEqualTo(SectionKind.DOWN);
		});
	}

	@Test
	void dollarQuotedBodiesAreNotMistakenForStatements() {
		String sql = "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM users; COMMIT; END $$;";
		assertThat(this.linter.lint(Sections.transactional(sql), this.pg17)).isEmpty();
	}

	@Test
	void quotedIdentifiersAreMatchedAsPostgresFoldsThem() {
		String sql = "CREATE TABLE \"Orders\" (id int);\nCREATE INDEX o ON \"Orders\" (id);\nCREATE INDEX o2 ON orders (id);";
		assertThat(this.linter.lint(Sections.transactional(sql), this.pg17)).extracting(Finding::ruleId)
			.containsExactly("LK-01");
	}

}
