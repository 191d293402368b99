package dev.migsh.core.plan;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.catalog.MigrationDirectory;

import static org.assertj.core.api.Assertions.assertThat;

class SafetyReportTest {

	private static final Path SAMPLES = Path.of("migrations");

	private SafetyReport.MigrationRisk risk(SafetyReport report, String id) {
		return report.migrations().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void flagsTheSampleProfileFieldsDownAsDataLoss() {
		SafetyReport report = SafetyReport.of(MigrationDirectory.read(SAMPLES), 170000);

		SafetyReport.MigrationRisk risk = risk(report, "031-add-profile-fields-to-users");
		assertThat(risk.down()).isEqualTo(SafetyReport.DownRisk.DATA_LOSS);
		assertThat(risk.downDetail()).contains("users.bio", "users.phone", "users.location");
		assertThat(risk.up()).isNotEqualTo(SafetyReport.UpRisk.DATA_LOSS);
		assertThat(risk.lock()).isEqualTo(SafetyReport.LockRisk.BLOCKS_READS);
		assertThat(risk.lockDetail()).startsWith("ACCESS EXCLUSIVE on users");
	}

	@Test
	void namesTheSampleDuplicateVersionPairAndGivesTheSeedsVerdicts() {
		SafetyReport report = SafetyReport.of(MigrationDirectory.read(SAMPLES), 170000);

		assertThat(report.duplicateVersions()).singleElement()
			.satisfies(
					d -> assertThat(d.ids()).contains("009-create-chapter-progress", "009-update-chapters-for-urls"));
		assertThat(risk(report, "001-create-users").down()).isEqualTo(SafetyReport.DownRisk.DISABLED);
		assertThat(risk(report, "002-create-courses").down()).isEqualTo(SafetyReport.DownRisk.MISSING);
		assertThat(report.verdicts()).anySatisfy(v -> {
			assertThat(v.scenario()).isEqualTo("undo");
			assertThat(v.safe()).isEqualTo(SafetyReport.Safe.USUALLY);
			assertThat(v.dataLossRisk()).isEqualTo(
					"table and column data in 14 migrations (006-add-course-intro-content, ...); kept in migsh_trash");
		});
		assertThat(report.verdicts()).anySatisfy(v -> {
			assertThat(v.scenario()).isEqualTo("apply");
			assertThat(v.safe()).isEqualTo(SafetyReport.Safe.USUALLY);
			assertThat(v.dataLossRisk()).contains("030-fix-tags-column-type (DL-07)");
		});
		assertThat(risk(report, "030-fix-tags-column-type").up()).isEqualTo(SafetyReport.UpRisk.POSSIBLE_DATA_LOSS);
		assertThat(report.overall()).isEqualTo("MOSTLY SAFE");
	}

	@Test
	void findsOneTableCreatedByTwoFiles(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("016-create-projects.sql"),
				"-- migrate:up\nCREATE TABLE projects (id int);\n-- migrate:down\nDROP TABLE projects;\n");
		Files.writeString(dir.resolve("017-create-projects-again.sql"),
				"-- migrate:up\nCREATE TABLE IF NOT EXISTS projects (id int, name text);\n");
		Files.writeString(dir.resolve("018-wipe.sql"), "-- migrate:up\nDELETE FROM projects;\n");

		SafetyReport report = SafetyReport.of(MigrationDirectory.read(dir), 170000);

		assertThat(report.duplicateCreates()).singleElement().satisfies(d -> {
			assertThat(d.table()).isEqualTo("projects");
			assertThat(d.ids()).containsExactly("016-create-projects", "017-create-projects-again");
		});
		assertThat(risk(report, "016-create-projects").downDetail()).isEqualTo("drops table projects");
		assertThat(risk(report, "018-wipe").up()).isEqualTo(SafetyReport.UpRisk.DATA_LOSS);
		assertThat(report.overall()).isEqualTo("NOT SAFE");
		assertThat(report.verdicts().get(0).safe()).isEqualTo(SafetyReport.Safe.NO);
	}

}
