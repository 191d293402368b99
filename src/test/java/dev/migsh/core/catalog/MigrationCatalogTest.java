package dev.migsh.core.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.migsh.core.MigshException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationCatalogTest {

	private final MigrationCatalog catalog = new MigrationCatalog(Path.of("migrations"),
			List.of(migration("031-add-profile-fields-to-users"), migration("009-create-chapter-progress"),
					migration("009-update-chapters-for-urls"), migration("20241201000000_create_books"),
					migration("V1_2__flyway_style")),
			List.of());

	@Test
	void keepsMigrationsInVersionOrder() {
		assertThat(this.catalog.migrations()).extracting(MigrationFile::id)
			.containsExactly("V1_2__flyway_style", "009-create-chapter-progress", "009-update-chapters-for-urls",
					"031-add-profile-fields-to-users", "20241201000000_create_books");
	}

	@Test
	void resolvesAnExactId() {
		assertThat(this.catalog.resolve("009-update-chapters-for-urls").id()).isEqualTo("009-update-chapters-for-urls");
		assertThat(this.catalog.find("031-add-profile-fields-to-users")).isPresent();
		assertThat(this.catalog.find("31")).isEmpty();
	}

	@Test
	void resolvesAUniqueVersionAsANumber() {
		assertThat(this.catalog.resolve("31").id()).isEqualTo("031-add-profile-fields-to-users");
		assertThat(this.catalog.resolve("0031").id()).isEqualTo("031-add-profile-fields-to-users");
		assertThat(this.catalog.resolve("20241201000000").id()).isEqualTo("20241201000000_create_books");
		assertThat(this.catalog.resolve("1.2").id()).isEqualTo("V1_2__flyway_style");
		assertThat(this.catalog.resolve("V1_2").id()).isEqualTo("V1_2__flyway_style");
	}

	@Test
	void resolvesAFileName() {
		assertThat(this.catalog.resolve("migrations/031-add-profile-fields-to-users.sql").id())
			.isEqualTo("031-add-profile-fields-to-users");
		assertThat(this.catalog.resolve("009-create-chapter-progress.up.sql").id())
			.isEqualTo("009-create-chapter-progress");
	}

	@Test
	void refusesAnAmbiguousVersionListingTheCandidates() {
		assertThatThrownBy(() -> this.catalog.resolve("9")).isInstanceOfSatisfying(MigshException.class, e -> {
			assertThat(e.getMessage())
				.isEqualTo("version 9 is ambiguous: 009-create-chapter-progress, 009-update-chapters-for-urls");
			assertThat(e.hint()).contains("full id");
		});
	}

	@Test
	void refusesAnUnknownIdSuggestingCloseOnes() {
		assertThatThrownBy(() -> this.catalog.resolve("031-add-profile-field-to-users"))
			.isInstanceOfSatisfying(MigshException.class, e -> {
				assertThat(e.getMessage()).isEqualTo("no migration '031-add-profile-field-to-users' in migrations");
				assertThat(e.hint()).isEqualTo("did you mean 031-add-profile-fields-to-users?");
			});
		assertThatThrownBy(() -> this.catalog.resolve("chapter")).isInstanceOfSatisfying(MigshException.class,
				e -> assertThat(e.hint()).contains("009-create-chapter-progress")
					.contains("009-update-chapters-for-urls"));
		assertThatThrownBy(() -> this.catalog.resolve("77")).isInstanceOfSatisfying(MigshException.class,
				e -> assertThat(e.hint()).contains("status"));
	}

	private static MigrationFile migration(String id) {
		String version = id.startsWith("V") ? id.substring(1, id.indexOf("__")) : id.replaceFirst("[-_].*", "");
		String name = id.startsWith("V") ? id.substring(id.indexOf("__") + 2) : id.replaceFirst("^\\d+[-_]", "");
		Path file = Path.of("migrations", id + ".sql");
		Section up = new Section(SectionKind.UP, file, "SELECT 1", true, List.of(new SqlStatement("SELECT 1", 2, 1)),
				Checksums.sha256("SELECT 1"));
		return new MigrationFile(id, Version.parse(version), name, Layout.SECTIONS, List.of(file), up, Optional.empty(),
				Optional.empty());
	}

}
