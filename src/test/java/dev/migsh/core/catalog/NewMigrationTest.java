package dev.migsh.core.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewMigrationTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void startsAnEmptyFolderAt001() {
		Path file = NewMigration.create(this.dir, "create-users", CLOCK);

		assertThat(file).isEqualTo(this.dir.resolve("001-create-users.sql")).exists();
	}

	@Test
	void writesTheThreeSectionsUnderAOneLineComment() throws IOException {
		Path file = NewMigration.create(this.dir, "add-bio-to-users", CLOCK);

		assertThat(Files.readString(file)).isEqualTo("""
				-- add-bio-to-users: say what this migration does and why.
				-- migrate:up

				-- migrate:down

				-- migrate:verify
				-- queries that must succeed after up, e.g. SELECT new_column FROM some_table LIMIT 0;
				""");
	}

	@Test
	void takesTheNextNumberAtTheWidthTheFolderUses() throws IOException {
		touch("001-create-users.sql", "009-create-chapter-progress.sql", "009-update-chapters-for-urls.sql",
				"037-create-student-permissions.sql");

		assertThat(NewMigration.create(this.dir, "add-bio", CLOCK)).hasFileName("038-add-bio.sql");
	}

	@Test
	void ordersVersionsByNumberNotByText() throws IOException {
		touch("9-create-users.sql", "10-create-courses.sql");

		assertThat(NewMigration.create(this.dir, "add-bio", CLOCK)).hasFileName("11-add-bio.sql");
	}

	@Test
	void growsPastTheWidthWhenTheNumbersRunOut() throws IOException {
		touch("999-last-three-digit.sql");

		assertThat(NewMigration.create(this.dir, "add-bio", CLOCK)).hasFileName("1000-add-bio.sql");
	}

	@Test
	void usesTheCurrentUtcTimeWhenTheNewestVersionIsATimestamp() throws IOException {
		touch("037-create-student-permissions.sql", "20241201000003-create-chat-tables.sql");
		Clock inTokyo = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneId.of("Asia/Tokyo"));

		assertThat(NewMigration.create(this.dir, "add-bio", inTokyo)).hasFileName("20250304050607-add-bio.sql");
	}

	@Test
	void continuesTheSampleProjectWithATimestamp() throws IOException {
		try (Stream<Path> sample = Files.list(Path.of("migrations"))) {
			for (Path file : sample.toList()) {
				Files.copy(file, this.dir.resolve(file.getFileName()));
			}
		}

		assertThat(NewMigration.create(this.dir, "add-bio-to-users", CLOCK))
			.hasFileName("20250304050607-add-bio-to-users.sql");
		assertThatThrownBy(() -> NewMigration.create(this.dir, "create-chat-tables", CLOCK))
			.hasMessageContaining("20241201000003-create-chat-tables.sql");
	}

	@Test
	void goesOneSecondPastTheNewestTimestampWhenTheClockIsBehindIt() throws IOException {
		touch("20251231235959-from-a-fast-laptop.sql");

		assertThat(NewMigration.create(this.dir, "add-bio", CLOCK)).hasFileName("20260101000000-add-bio.sql");
	}

	@Test
	void goesOneSecondPastTheNewestTimestampWhenTheClockShowsTheSameSecond() throws IOException {
		touch("20250304050607-create-users.sql");

		assertThat(NewMigration.create(this.dir, "add-bio", CLOCK)).hasFileName("20250304050608-add-bio.sql");
	}

	@Test
	void countsFourteenDigitsThatAreNoDateAsANumber() throws IOException {
		touch("00000000000042-padded-far-too-much.sql");

		assertThat(NewMigration.create(this.dir, "add-bio", CLOCK)).hasFileName("00000000000043-add-bio.sql");
	}

	@Test
	void writesTheLayoutOfTheNewestMigration() throws IOException {
		touch("V1__init.sql", "V4_1__add_index.sql", "U4_1__add_index.sql");
		assertThat(NewMigration.create(this.dir, "add-bio", CLOCK)).hasFileName("V5__add-bio.sql");

		touch("0006_create_courses.up.sql", "0006_create_courses.down.sql");
		assertThat(NewMigration.create(this.dir, "add-logo", CLOCK)).hasFileName("0007_add-logo.up.sql");
		assertThat(this.dir.resolve("0007_add-logo.down.sql")).exists();

		touch("0008-sections.sql");
		assertThat(NewMigration.create(this.dir, "add-tags", CLOCK)).hasFileName("0009-add-tags.sql");
	}

	@Test
	void writesFilesThatAreValidEmptyMigrationsInEveryLayout() throws IOException {
		NewMigration.create(this.dir, "in-sections", CLOCK);
		touch("002_pair.up.sql", "002_pair.down.sql");
		NewMigration.create(this.dir, "in-a-pair", CLOCK);
		touch("V4__flyway.sql");
		NewMigration.create(this.dir, "in-flyway", CLOCK);

		MigrationCatalog catalog = MigrationDirectory.read(this.dir);
		assertThat(catalog.find("001-in-sections")).hasValueSatisfying(m -> {
			assertThat(m.up().isEmpty()).isTrue();
			assertThat(m.hasDown()).isTrue();
		});
		assertThat(catalog.find("003_in-a-pair")).hasValueSatisfying(m -> {
			assertThat(m.layout()).isEqualTo(Layout.UP_DOWN_PAIR);
			assertThat(m.up().isEmpty()).isTrue();
			assertThat(m.down()).hasValueSatisfying(down -> assertThat(down.isEmpty()).isTrue());
		});
		assertThat(catalog.find("V5__in-flyway")).hasValueSatisfying(m -> assertThat(m.up().isEmpty()).isTrue());
	}

	@Test
	void ignoresFilesThatAreNotMigrations() throws IOException {
		touch("README.md", "seed-data.sql", "042-notes.txt", "43.sql");
		Files.createDirectory(this.dir.resolve("044-archive"));

		assertThat(NewMigration.create(this.dir, "add-bio", CLOCK)).hasFileName("001-add-bio.sql");
	}

	@Test
	void acceptsUnderscoresDigitsAndAHundredCharacters() {
		String longest = "a".repeat(NewMigration.MAX_NAME_LENGTH);

		assertThat(NewMigration.create(this.dir, "add_v2_fields", CLOCK)).hasFileName("001-add_v2_fields.sql");
		assertThat(NewMigration.create(this.dir, longest, CLOCK)).hasFileName("002-" + longest + ".sql");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "Add-Bio", "add bio", "add--bio", "-add-bio", "add-bio-", "2fa-secrets", "add-bio.sql",
			"../escape", "add/bio", "ajouter-la-bio-à-users" })
	void refusesANameThatIsNotLowerCaseWords(String name) {
		assertThatThrownBy(() -> NewMigration.create(this.dir, name, CLOCK)).isInstanceOf(UsageException.class)
			.hasMessageContaining("not a valid migration name")
			.satisfies(ex -> assertThat(((MigshException) ex).hint()).contains("new add-bio-to-users"))
			.satisfies(ex -> assertThat(((MigshException) ex).exitCode()).isEqualTo(ExitCode.USAGE));
		assertThat(this.dir).isEmptyDirectory();
	}

	@Test
	void refusesANameLongerThanAHundredCharacters() {
		String name = "a".repeat(NewMigration.MAX_NAME_LENGTH + 1);

		assertThatThrownBy(() -> NewMigration.create(this.dir, name, CLOCK)).isInstanceOf(UsageException.class)
			.hasMessageContaining("at most 100 characters");
	}

	@Test
	void refusesANameThatAMigrationAlreadyHas() throws IOException {
		touch("031-add-profile-fields-to-users.sql");

		assertThatThrownBy(() -> NewMigration.create(this.dir, "add-profile-fields-to-users", CLOCK))
			.isInstanceOf(MigshException.class)
			.hasMessageContaining("'add-profile-fields-to-users' already exists: 031-add-profile-fields-to-users.sql");
		assertThat(names()).containsExactly("031-add-profile-fields-to-users.sql");
	}

	@Test
	void refusesANameThatDiffersOnlyByUnderscoresFromAnExistingOne() throws IOException {
		touch("V3__add_bio.sql");

		assertThatThrownBy(() -> NewMigration.create(this.dir, "add-bio", CLOCK)).isInstanceOf(MigshException.class)
			.hasMessageContaining("V3__add_bio.sql");
	}

	@Test
	void refusesAMissingFolder() {
		Path missing = this.dir.resolve("migrations");

		assertThatThrownBy(() -> NewMigration.create(missing, "add-bio", CLOCK)).isInstanceOf(MigshException.class)
			.isNotInstanceOf(UsageException.class)
			.hasMessageContaining(missing + " does not exist")
			.satisfies(ex -> assertThat(((MigshException) ex).hint()).contains("--migrations"));
		assertThat(missing).doesNotExist();
	}

	@Test
	void refusesAFileInPlaceOfTheFolder() throws IOException {
		Path file = Files.createFile(this.dir.resolve("migrations"));

		assertThatThrownBy(() -> NewMigration.create(file, "add-bio", CLOCK)).isInstanceOf(MigshException.class)
			.hasMessageContaining("does not exist");
	}

	@Test
	void refusesAFolderItCannotWrite() {
		assertThatThrownBy(() -> NewMigration.create(this.dir, "add-bio", CLOCK, path -> false))
			.isInstanceOf(MigshException.class)
			.hasMessageContaining(this.dir + " is not writable");
		assertThat(this.dir).isEmptyDirectory();
	}

	private void touch(String... names) throws IOException {
		for (String name : names) {
			Files.createFile(this.dir.resolve(name));
		}
	}

	private List<String> names() throws IOException {
		try (Stream<Path> paths = Files.list(this.dir)) {
			return paths.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

}
