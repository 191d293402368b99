package dev.migsh.core.adopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.adopt.AdoptionMatch.Matched;
import dev.migsh.core.adopt.AdoptionMatch.Refused;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Entries of other tools' histories set against the sample folder (31 files, two sharing
 * version 009) and small folders of their own; no database needed.
 */
class AdoptionMatcherTest {

	private static final MigrationCatalog SAMPLE = MigrationDirectory.read(Path.of("migrations"));

	@Test
	void matchesAPartialSequelizeHistoryByFileNameAndLeavesTheRestPending() {
		List<ForeignEntry> entries = new ArrayList<>();
		for (String file : List.of("001-create-users.js", "002-create-courses.js", "009-update-chapters-for-urls.js",
				"013-create-old-quizzes.js")) {
			entries.add(applied(ForeignRows.leadingVersion(file), ForeignRows.stem(file), file));
		}

		AdoptionMatch match = AdoptionMatcher.match(history(ForeignTool.SEQUELIZE, entries), SAMPLE);

		assertThat(match.matched()).extracting(Matched::migrationId, Matched::rule)
			.containsExactly(tuple("001-create-users", MatchRule.FILE_NAME),
					tuple("002-create-courses", MatchRule.FILE_NAME),
					tuple("009-update-chapters-for-urls", MatchRule.FILE_NAME));
		assertThat(match.unmatched()).extracting(ForeignEntry::rawId).containsExactly("013-create-old-quizzes.js");
		assertThat(match.pending()).hasSize(SAMPLE.migrations().size() - 3)
			.contains("009-create-chapter-progress", "20241201000003-create-chat-tables")
			.doesNotContain("001-create-users");
		assertThat(match.isClean()).isTrue();
	}

	@Test
	void reportsAVersionSharedByTwoFilesAsAmbiguous() {
		ForeignHistory dbmate = history(ForeignTool.DBMATE, List.of(applied("9", "", "9"), applied("1", "", "1")));

		AdoptionMatch match = AdoptionMatcher.match(dbmate, SAMPLE);

		assertThat(match.matched()).extracting(Matched::migrationId, Matched::rule)
			.containsExactly(tuple("001-create-users", MatchRule.VERSION));
		assertThat(match.ambiguous()).singleElement().satisfies(a -> {
			assertThat(a.migrationIds()).containsExactly("009-create-chapter-progress", "009-update-chapters-for-urls");
			assertThat(a.reason()).isEqualTo("2 files share version 9");
		});
		assertThat(match.pending()).doesNotContain("009-create-chapter-progress", "009-update-chapters-for-urls");
		assertThat(match.isClean()).isFalse();
	}

	@Test
	void refusesAFailedRowEvenWhenItsVersionIsShared() {
		ForeignHistory flyway = history(ForeignTool.FLYWAY,
				List.of(entry("9", "", "", ForeignState.FAILED, "7"), entry("0", "", "", ForeignState.BASELINE, "1")));

		AdoptionMatch match = AdoptionMatcher.match(flyway, SAMPLE);

		assertThat(match.ambiguous()).isEmpty();
		assertThat(match.refused()).singleElement()
			.satisfies(r -> assertThat(r.reason()).contains("failed")
				.endsWith("it could be 009-create-chapter-progress or 009-update-chapters-for-urls"));
		assertThat(match.pending()).doesNotContain("009-create-chapter-progress", "009-update-chapters-for-urls");
		assertThat(match.unmatched()).extracting(ForeignEntry::rawId).containsExactly("1");
	}

	@Test
	void doesNotGuessWhenTheNameDisagreesWithTheOnlyFileOfItsVersion() {
		ForeignHistory knex = history(ForeignTool.KNEX,
				List.of(applied("011", "011_add_course_banner", "1"), applied("", "misc_fixes", "2")));

		AdoptionMatch match = AdoptionMatcher.match(knex, SAMPLE);

		assertThat(match.matched()).isEmpty();
		assertThat(match.ambiguous()).singleElement().satisfies(a -> {
			assertThat(a.migrationIds()).containsExactly("011-add-course-logo");
			assertThat(a.reason()).contains("011_add_course_banner").contains("011-add-course-logo");
		});
		assertThat(match.unmatched()).extracting(ForeignEntry::name).containsExactly("misc_fixes");
	}

	@Test
	void matchesFlywayByScriptThenByVersionAndDescriptionAndRefusesFailedRows(@TempDir Path dir) throws IOException {
		MigrationCatalog catalog = folder(dir, "001-init.sql", "002-add-users.sql", "003-seed-data.sql",
				"004-add-orders.sql", "005-add-index.sql", "006-later.sql");
		ForeignHistory flyway = history(ForeignTool.FLYWAY,
				List.of(entry("1", "", "<< Flyway Baseline >>", ForeignState.BASELINE, "2"),
						entry("2", "V2__add_users", "add users", ForeignState.APPLIED, "3"),
						entry("3", "V3__Seed", "Seed data", ForeignState.APPLIED, "4"),
						entry("4", "V4__add_orders", "add orders", ForeignState.FAILED, "5"),
						entry("", "R__views", "views", ForeignState.APPLIED, "6"),
						entry("5", "V5__add_index", "add index", ForeignState.UNDONE, "7")));

		AdoptionMatch match = AdoptionMatcher.match(flyway, catalog);

		assertThat(match.matched()).extracting(Matched::migrationId, Matched::rule)
			.containsExactly(tuple("001-init", MatchRule.BELOW_BASELINE), tuple("002-add-users", MatchRule.FILE_NAME),
					tuple("003-seed-data", MatchRule.FLYWAY_DESCRIPTION));
		assertThat(match.refused()).extracting(Refused::migrationId, r -> r.entry().state())
			.containsExactly(tuple("004-add-orders", ForeignState.FAILED), tuple("005-add-index", ForeignState.UNDONE));
		assertThat(match.refused().get(0).reason()).contains("failed");
		assertThat(match.unmatched()).extracting(ForeignEntry::name).containsExactly("R__views");
		assertThat(match.pending()).containsExactly("005-add-index", "006-later");
		assertThat(match.notes()).singleElement().asString().contains("baseline at version 1");
	}

	@Test
	void expandsGolangMigratesDirtyVersionToEverythingBelowAndRefusesTheLast() {
		ForeignHistory golang = history(ForeignTool.GOLANG_MIGRATE,
				List.of(new ForeignEntry("12", "", "", Optional.empty(), ForeignState.DIRTY, "", "12")));

		AdoptionMatch match = AdoptionMatcher.match(golang, SAMPLE);

		assertThat(match.adoptableIds()).containsExactly("001-create-users", "002-create-courses",
				"003-create-enrollments", "004-create-file-uploads", "005-create-course-chapters",
				"006-add-course-intro-content", "007-add-url-analysis", "008-add-chapter-content-fields",
				"009-create-chapter-progress", "009-update-chapters-for-urls", "010-fix-chapter-schema",
				"011-add-course-logo");
		assertThat(match.matched()).allSatisfy(m -> assertThat(m.rule()).isEqualTo(MatchRule.UP_TO_VERSION));
		assertThat(match.refused()).extracting(Refused::migrationId).containsExactly("012-fix-enrollment-status-enum");
		assertThat(match.refused().get(0).reason()).contains("dirty");
		assertThat(match.pending()).first().isEqualTo("014-create-project-phases");
		assertThat(match.unmatched()).isEmpty();
	}

	@Test
	void keepsAGolangMigrateVersionWithNoFileAsUnmatchedButAdoptsWhatIsBelowIt() {
		ForeignHistory golang = history(ForeignTool.GOLANG_MIGRATE, List.of(applied("13", "", "13")));

		AdoptionMatch match = AdoptionMatcher.match(golang, SAMPLE);

		assertThat(match.adoptableIds()).hasSize(13).last().isEqualTo("012-fix-enrollment-status-enum");
		assertThat(match.unmatched()).extracting(ForeignEntry::version).containsExactly("13");
		assertThat(match.refused()).isEmpty();
	}

	@Test
	void refusesADirtyGolangMigrateVersionThatHasNoFile() {
		ForeignHistory golang = history(ForeignTool.GOLANG_MIGRATE,
				List.of(new ForeignEntry("13", "", "", Optional.empty(), ForeignState.DIRTY, "", "13")));

		AdoptionMatch match = AdoptionMatcher.match(golang, SAMPLE);

		assertThat(match.adoptableIds()).hasSize(13);
		assertThat(match.unmatched()).isEmpty();
		assertThat(match.refused()).singleElement().satisfies(r -> {
			assertThat(r.migrationId()).isEmpty();
			assertThat(r.reason()).contains("dirty").endsWith("no file here has version 13");
		});
	}

	@Test
	void treatsAnEmptyGolangMigrateTableAsNothingApplied() {
		AdoptionMatch match = AdoptionMatcher.match(history(ForeignTool.GOLANG_MIGRATE, List.of()), SAMPLE);

		assertThat(match.matched()).isEmpty();
		assertThat(match.pending()).hasSize(SAMPLE.migrations().size());
		assertThat(match.notes()).isEmpty();
	}

	@Test
	void letsTheLatestPrismaRowDecideAndKeepsRolledBackOnesPending(@TempDir Path dir) throws IOException {
		MigrationCatalog catalog = folder(dir, "20230101120000_init.sql", "20230201120000_add_posts.sql",
				"20230301120000_add_tags.sql");
		ForeignHistory prisma = history(ForeignTool.PRISMA,
				List.of(entry("20230101120000", "20230101120000_init", "", ForeignState.APPLIED, "a"),
						entry("20230201120000", "20230201120000_add_posts", "", ForeignState.ROLLED_BACK, "b"),
						entry("20230301120000", "20230301120000_add_tags", "", ForeignState.FAILED, "c"),
						entry("20230301120000", "20230301120000_add_tags", "", ForeignState.APPLIED, "d")));

		AdoptionMatch match = AdoptionMatcher.match(prisma, catalog);

		assertThat(match.matched()).extracting(m -> m.entry().rawId(), Matched::migrationId)
			.containsExactly(tuple("a", "20230101120000_init"), tuple("d", "20230301120000_add_tags"));
		assertThat(match.superseded()).extracting(ForeignEntry::rawId).containsExactly("c");
		assertThat(match.refused()).extracting(Refused::migrationId).containsExactly("20230201120000_add_posts");
		assertThat(match.pending()).containsExactly("20230201120000_add_posts");
	}

	@Test
	void takesEverythingUpToAnAlembicHeadInFolderOrderAndSaysSo() {
		ForeignHistory alembic = history(ForeignTool.ALEMBIC, List.of(applied("5", "5", "5")));

		AdoptionMatch match = AdoptionMatcher.match(alembic, SAMPLE);

		assertThat(match.adoptableIds()).hasSize(5).last().isEqualTo("005-create-course-chapters");
		assertThat(match.matched()).allSatisfy(m -> assertThat(m.rule()).isEqualTo(MatchRule.UP_TO_HEAD));
		assertThat(match.notes()).singleElement().asString().contains("only its current heads");
	}

	@Test
	void leavesAnAlembicHashHeadWithNoFileUnmatched() {
		ForeignHistory alembic = history(ForeignTool.ALEMBIC, List.of(applied("", "ae1027a6acf", "ae1027a6acf")));

		AdoptionMatch match = AdoptionMatcher.match(alembic, SAMPLE);

		assertThat(match.matched()).isEmpty();
		assertThat(match.unmatched()).extracting(ForeignEntry::name).containsExactly("ae1027a6acf");
		assertThat(match.pending()).hasSize(SAMPLE.migrations().size());
	}

	@Test
	void aFlywayRepeatableRowIsMatchedToItsFileByNameAndNeverCountsBelowTheBaseline(@TempDir Path dir)
			throws IOException {
		MigrationCatalog catalog = folder(dir, "V1__init.sql", "V2__users.sql", "R__views.sql", "R__grants.sql");
		ForeignHistory flyway = history(ForeignTool.FLYWAY,
				List.of(entry("2", "", "<< Flyway Baseline >>", ForeignState.BASELINE, "1"),
						entry("", "R__views", "views", ForeignState.APPLIED, "2")));

		AdoptionMatch match = AdoptionMatcher.match(flyway, catalog);

		assertThat(match.matched()).extracting(Matched::migrationId)
			.containsExactlyInAnyOrder("V1__init", "V2__users", "R__views");
		assertThat(match.pending()).containsExactly("R__grants");
	}

	static MigrationCatalog folder(Path dir, String... files) throws IOException {
		for (String file : files) {
			Files.writeString(dir.resolve(file), "-- migrate:up\nSELECT 1;\n");
		}
		return MigrationDirectory.read(dir);
	}

	private static ForeignEntry applied(String version, String name, String rawId) {
		return new ForeignEntry(version, name, "", Optional.empty(), ForeignState.APPLIED, "", rawId);
	}

	private static ForeignEntry entry(String version, String name, String description, ForeignState state,
			String rawId) {
		return new ForeignEntry(version, name, description, Optional.empty(), state, "", rawId);
	}

	private static ForeignHistory history(ForeignTool tool, List<ForeignEntry> entries) {
		return new ForeignHistory(tool, "public", "t", entries.size(), entries);
	}

}
