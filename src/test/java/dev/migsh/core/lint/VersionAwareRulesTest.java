package dev.migsh.core.lint;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules whose verdict or advice depends on the live server version. */
class VersionAwareRulesTest {

	private final Linter linter = new Linter();

	@Test
	void constantDefaultRewritesOnlyBeforeEleven() {
		String sql = "ALTER TABLE users ADD COLUMN score int DEFAULT 0;";
		assertThat(ids(sql, true, 100023)).contains("LK-04");
		assertThat(ids(sql, true, 110000)).doesNotContain("LK-04");
		assertThat(ids(sql, true, 170006)).doesNotContain("LK-04");
	}

	@Test
	void nullDefaultNeverRewrites() {
		assertThat(ids("ALTER TABLE users ADD COLUMN score int DEFAULT NULL;", true, 100023)).doesNotContain("LK-04");
	}

	@ParameterizedTest
	@ValueSource(ints = { 100023, 110000, 120000, 170006, 180000 })
	void volatileDefaultRewritesOnEveryVersion(int version) {
		assertThat(ids("ALTER TABLE users ADD COLUMN seen timestamptz DEFAULT clock_timestamp();", true, version))
			.contains("LK-04");
	}

	@Test
	void stableDefaultSuchAsNowIsFineFromEleven() {
		assertThat(ids("ALTER TABLE users ADD COLUMN seen timestamptz DEFAULT now();", true, 110000))
			.doesNotContain("LK-04");
		assertThat(ids("ALTER TABLE users ADD COLUMN seen timestamptz DEFAULT CURRENT_TIMESTAMP;", true, 170006))
			.doesNotContain("LK-04");
	}

	@Test
	void volatilityComesFromTheContextWhenTheServerWasAsked() {
		LintContext ctx = LintContext.forServer(170006).withVolatileFunctions("my_random"::equals);
		List<Finding> findings = this.linter
			.lint(Sections.transactional("ALTER TABLE users ADD COLUMN r int DEFAULT my_random();"), ctx);
		assertThat(findings).extracting(Finding::ruleId).contains("LK-04");
	}

	@Test
	void addValueInATransactionIsAnErrorBeforeTwelve() {
		List<Finding> findings = lint("ALTER TYPE status ADD VALUE 'archived' AFTER 'active';", true, 110000);
		assertThat(findings).filteredOn(f -> f.ruleId().equals("TX-02"))
			.singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
			.satisfies(f -> assertThat(f.message()).contains("before PostgreSQL 12"));
	}

	@Test
	void addValueInATransactionFromTwelveIsFlaggedOnlyWhenTheValueIsUsedLater() {
		String alone = "ALTER TYPE status ADD VALUE 'archived' AFTER 'active';";
		String used = alone + "\nUPDATE orders SET status = 'archived' WHERE closed;";
		assertThat(ids(alone, true, 120000)).doesNotContain("TX-02");
		assertThat(ids(used, true, 120000)).contains("TX-02");
		assertThat(ids(used, false, 120000)).doesNotContain("TX-02");
	}

	@Test
	void addValueToATypeCreatedInTheSameSectionIsFine() {
		String sql = "CREATE TYPE mood AS ENUM ('sad');\nALTER TYPE mood ADD VALUE 'happy' AFTER 'sad';\n"
				+ "INSERT INTO people (mood) VALUES ('happy');";
		assertThat(ids(sql, true, 110000)).doesNotContain("TX-02");
	}

	@Test
	void setNotNullAfterAValidatedCheckSkipsTheScanFromTwelve() {
		String sql = """
				ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;
				ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;
				ALTER TABLE users ALTER COLUMN email SET NOT NULL;
				""";
		assertThat(ids(sql, false, 120000)).doesNotContain("LK-06");
		assertThat(ids(sql, false, 110000)).contains("LK-06");
	}

	@Test
	void setNotNullAfterAnUnvalidatedCheckStillScans() {
		String sql = """
				ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;
				ALTER TABLE users ALTER COLUMN email SET NOT NULL;
				""";
		assertThat(ids(sql, false, 170006)).contains("LK-06");
	}

	@Test
	void setNotNullAdviceDependsOnTheVersion() {
		String sql = "ALTER TABLE users ALTER COLUMN email SET NOT NULL;";
		assertThat(alternative(sql, "LK-06", 110000)).contains("CHECK (email IS NOT NULL) NOT VALID")
			.contains("keep the check")
			.doesNotContain("SET NOT NULL (no scan");
		assertThat(alternative(sql, "LK-06", 170006)).contains("CHECK (email IS NOT NULL) NOT VALID")
			.contains("ALTER COLUMN email SET NOT NULL (no scan")
			.doesNotContain("NOT NULL email NOT VALID");
		assertThat(alternative(sql, "LK-06", 180000))
			.contains("ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID")
			.contains("VALIDATE CONSTRAINT users_email_not_null");
	}

	@Test
	void notNullConstraintNotValidIsTheSafeFormOnEighteen() {
		assertThat(ids("ALTER TABLE users ADD CONSTRAINT users_email_nn NOT NULL email NOT VALID;", true, 180000))
			.doesNotContain("LK-06");
		assertThat(ids("ALTER TABLE users ADD CONSTRAINT users_email_nn NOT NULL email;", true, 180000))
			.contains("LK-06");
	}

	@Test
	void reindexConcurrentlyIsSuggestedOnlyFromTwelve() {
		String sql = "REINDEX INDEX users_email_idx;";
		assertThat(alternative(sql, "LK-03", 120000)).contains("REINDEX INDEX CONCURRENTLY");
		assertThat(alternative(sql, "LK-03", 110000)).doesNotContain("REINDEX INDEX CONCURRENTLY")
			.contains("CREATE INDEX CONCURRENTLY");
	}

	@Test
	void detachConcurrentlyIsSuggestedOnlyFromFourteen() {
		String sql = "ALTER TABLE m DETACH PARTITION m_2020;";
		assertThat(alternative(sql, "LK-13", 140000)).contains("DETACH PARTITION c CONCURRENTLY");
		assertThat(alternative(sql, "LK-13", 130000)).contains("needs PostgreSQL 14");
	}

	@ParameterizedTest
	@ValueSource(ints = { 140000, 140001, 140002, 140003 })
	void concurrentBuildsAreRefusedOnFourteenZeroToThree(int version) {
		assertThat(ids("CREATE INDEX CONCURRENTLY i ON users (email);", false, version)).contains("LK-23");
		assertThat(ids("REINDEX INDEX CONCURRENTLY i;", false, version)).contains("LK-23");
	}

	@ParameterizedTest
	@ValueSource(ints = { 130010, 140004, 150000, 170006 })
	void concurrentBuildsAreFineOnOtherVersions(int version) {
		assertThat(ids("CREATE INDEX CONCURRENTLY i ON users (email);", false, version)).doesNotContain("LK-23");
	}

	private List<Finding> lint(String sql, boolean transactional, int version) {
		return this.linter.lint(transactional ? Sections.transactional(sql) : Sections.nonTransactional(sql),
				LintContext.forServer(version));
	}

	private List<String> ids(String sql, boolean transactional, int version) {
		return lint(sql, transactional, version).stream().map(Finding::ruleId).toList();
	}

	private String alternative(String sql, String ruleId, int version) {
		return lint(sql, true, version).stream()
			.filter(f -> f.ruleId().equals(ruleId))
			.findFirst()
			.orElseThrow(() -> new AssertionError(ruleId + " did not fire on " + sql))
			.safeAlternative();
	}

}
