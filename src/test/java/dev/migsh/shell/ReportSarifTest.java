package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.core.lint.rules.RuleCatalogue;
import dev.migsh.shell.render.SarifLog;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report --format sarif}: a SARIF 2.1.0 log as code scanning reads it, checked
 * field by field (no JSON-schema validator is available offline).
 */
@ExtendWith(FreshDatabase.class)
class ReportSarifTest {

	private static final String USERS = "-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY, name text);\n"
			+ "-- migrate:down\nDROP TABLE users;\n";

	private static final String INDEX = "-- migrate:up\n-- the name index\nCREATE INDEX users_name_idx ON users (name);\n"
			+ "-- migsh:allow DL-02 because the column was never read\nALTER TABLE users DROP COLUMN name;\n"
			+ "-- migrate:down\nDROP INDEX users_name_idx;\n";

	@TempDir
	Path dir;

	private Path migrations() throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("db/migrations"));
		Files.writeString(migrations.resolve("001-users.sql"), USERS);
		Files.writeString(migrations.resolve("002-name-index.sql"), INDEX);
		return migrations;
	}

	@Test
	void writesASarifLogWithRulesResultsLocationsAndStableFingerprints(TestDatabase db) throws Exception {
		Path migrations = migrations();
		DocumentContext first;
		DocumentContext moved;
		String human;
		try (ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir, "--migrations",
				"db/migrations")) {
			assertThat(shell.run("report")).isEqualTo(ExitCode.OK);
			human = shell.out();
			int mark = shell.out().length();
			assertThat(shell.run("report --format sarif --output scan.sarif")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(shell.out().substring(mark)).contains("Wrote the sarif report", "scan.sarif");
			first = JsonPath.parse(Files.readString(this.dir.resolve("scan.sarif")));

			Files.writeString(migrations.resolve("002-name-index.sql"),
					INDEX.replace("-- the name index\n", "-- the name index\n-- moved down by two lines\n\n"));
			mark = shell.out().length();
			assertThat(shell.run("report --format sarif")).as(shell.err()).isEqualTo(ExitCode.OK);
			moved = JsonPath.parse(shell.out().substring(mark));
		}

		assertThat(first.read("$['$schema']", String.class)).isEqualTo(SarifLog.SCHEMA);
		assertThat(first.read("$.version", String.class)).isEqualTo("2.1.0");
		assertThat(first.read("$.runs.length()", Integer.class)).isOne();
		assertThat(first.read("$.runs[0].tool.driver.name", String.class)).isEqualTo("migsh");
		assertThat(first.read("$.runs[0].tool.driver.version", String.class)).isNotBlank();
		assertThat(first.read("$.runs[0].tool.driver.informationUri", String.class)).startsWith("https://");
		List<Map<String, Object>> rules = first.read("$.runs[0].tool.driver.rules");
		assertThat(rules).hasSize(RuleCatalogue.all().size()).allSatisfy(rule -> {
			assertThat(rule).containsKeys("id", "name", "shortDescription", "fullDescription", "help",
					"defaultConfiguration");
			assertThat(((Map<?, ?>) rule.get("shortDescription")).get("text")).asString().isNotBlank();
			assertThat(((Map<?, ?>) rule.get("help")).get("text")).asString().contains("Safe alternative");
			assertThat(((Map<?, ?>) rule.get("defaultConfiguration")).get("level")).isIn("error", "warning", "note");
		});

		List<Map<String, Object>> results = first.read("$.runs[0].results");
		assertThat(results).isNotEmpty();
		for (int i = 0; i < results.size(); i++) {
			String at = "$.runs[0].results[" + i + "]";
			String ruleId = first.read(at + ".ruleId");
			int ruleIndex = first.read(at + ".ruleIndex");
			assertThat(first.read("$.runs[0].tool.driver.rules[" + ruleIndex + "].id", String.class)).isEqualTo(ruleId);
			assertThat(first.read(at + ".level", String.class)).isIn("error", "warning", "note");
			assertThat(first.read(at + ".message.text", String.class)).isNotBlank();
			assertThat(first.read(at + ".locations[0].physicalLocation.artifactLocation.uriBaseId", String.class))
				.isEqualTo("%SRCROOT%");
			assertThat(first.read(at + ".partialFingerprints['" + SarifLog.FINGERPRINT + "']", String.class))
				.hasSize(32);
		}
		// the index statement's finding: its file relative to the working directory, its
		// real line and column (after the comment)
		String index = "$.runs[0].results[?(@.properties.migration == '002-name-index' && @.properties.section == 'up' && @.ruleId =~ /LK-.*/)]";
		List<String> uris = first.read(index + ".locations[0].physicalLocation.artifactLocation.uri");
		assertThat(uris).containsOnly("db/migrations/002-name-index.sql");
		List<Integer> lines = first.read(index + ".locations[0].physicalLocation.region.startLine");
		assertThat(lines).containsOnly(3);
		List<Integer> columns = first.read(index + ".locations[0].physicalLocation.region.startColumn");
		assertThat(columns).containsOnly(1);
		List<Integer> movedLines = moved.read(index + ".locations[0].physicalLocation.region.startLine");
		assertThat(movedLines).containsOnly(5);
		// severities map to levels: DROP TABLE in a down is data loss (error)
		List<String> dropLevels = first
			.read("$.runs[0].results[?(@.properties.migration == '001-users' && @.ruleId == 'DL-01')].level");
		assertThat(dropLevels).containsOnly("error");
		// a suppressed finding carries its justification
		List<String> justifications = first
			.read("$.runs[0].results[?(@.ruleId == 'DL-02')].suppressions[0].justification");
		assertThat(justifications).containsExactly("the column was never read");
		// fingerprints do not move with the lines
		List<String> before = first.read("$.runs[0].results[*].partialFingerprints['" + SarifLog.FINGERPRINT + "']");
		List<String> after = moved.read("$.runs[0].results[*].partialFingerprints['" + SarifLog.FINGERPRINT + "']");
		assertThat(after).containsExactlyInAnyOrderElementsOf(before).doesNotHaveDuplicates();
		// the same verdict as the human report
		assertThat(human).contains("Data safety: " + first.read("$.runs[0].properties.overall", String.class));
	}

	@Test
	void refusesAnUnknownFormatAndOutputWithTheTextForm(TestDatabase db) throws Exception {
		migrations();
		try (ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), this.dir, this.dir, "--migrations",
				"db/migrations")) {
			assertThat(shell.run("report --format xml")).isEqualTo(ExitCode.USAGE);
			assertThat(shell.err()).contains("unknown format 'xml'", "--format sarif");
			assertThat(shell.run("report --output r.txt")).isEqualTo(ExitCode.USAGE);
			assertThat(shell.run("report --json --format sarif")).isEqualTo(ExitCode.USAGE);
			int mark = shell.out().length();
			assertThat(shell.run("report --format json")).isEqualTo(ExitCode.OK);
			assertThat(JsonPath.parse(shell.out().substring(mark)).read("$.migrations.length()", Integer.class))
				.isEqualTo(2);
		}
		assertThat(this.dir.resolve("r.txt")).doesNotExist();
	}

}
