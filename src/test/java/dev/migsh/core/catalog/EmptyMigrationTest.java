package dev.migsh.core.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** An up or down without a statement is a valid no-op in every layout. */
class EmptyMigrationTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "", "  \n\t\n", "-- nothing yet\n", "/* reserved */\n-- still nothing\n", ";\n" })
	void readsAnEmptyUpDownPairAsAnEmptyUpAndAnEmptyDown(String text) throws IOException {
		write("000001_reserved.up.sql", text);
		write("000001_reserved.down.sql", text);

		MigrationFile migration = only();

		assertThat(migration.isEmpty()).isTrue();
		assertThat(migration.up().transactional()).isTrue();
		assertThat(migration.down()).hasValueSatisfying(down -> assertThat(down.isEmpty()).isTrue());
		assertThat(migration.hasDown()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "\n\n", "-- kept empty: the change moved to V3\n" })
	void readsAnEmptyFlywayVersionAndUndo(String text) throws IOException {
		write("V2__empty.sql", text);
		write("U2__empty.sql", text);

		MigrationFile migration = only();

		assertThat(migration.layout()).isEqualTo(Layout.FLYWAY);
		assertThat(migration.up().isEmpty()).isTrue();
		assertThat(migration.hasDown()).isTrue();
	}

	@Test
	void aMissingDownFileStillMeansNoDown() throws IOException {
		write("000001_reserved.up.sql", "");
		write("V2__empty.sql", "");

		MigrationCatalog catalog = MigrationDirectory.read(this.dir);

		assertThat(catalog.migrations()).allSatisfy(m -> {
			assertThat(m.up().isEmpty()).isTrue();
			assertThat(m.down()).isEmpty();
			assertThat(m.hasDown()).isFalse();
		});
	}

	@Test
	void readsEmptySectionsOfAOneFileMigration() throws IOException {
		write("20240120080000_nothing_yet.sql", "-- migrate:up\n\n-- migrate:down\n-- no way back\n");

		MigrationFile migration = only();

		assertThat(migration.up().isEmpty()).isTrue();
		assertThat(migration.down()).hasValueSatisfying(down -> assertThat(down.isEmpty()).isTrue());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " \n", "-- TODO: write this migration\n" })
	void readsAOneFileMigrationWithoutHeadersOrSqlAsAnEmptyUp(String text) throws IOException {
		write("001-later.sql", text);

		MigrationFile migration = only();

		assertThat(migration.up().isEmpty()).isTrue();
		assertThat(migration.down()).isEmpty();
	}

	@Test
	void anEmptyMigrationKeepsAChecksumOfWhatTheFileSays() throws IOException {
		write("000001_a.up.sql", "-- one note\n");
		write("000002_b.up.sql", "-- another note\n");

		MigrationCatalog catalog = MigrationDirectory.read(this.dir);

		assertThat(catalog.migrations().get(0).up().checksum())
			.isNotEqualTo(catalog.migrations().get(1).up().checksum());
	}

	private MigrationFile only() {
		MigrationCatalog catalog = MigrationDirectory.read(this.dir);
		assertThat(catalog.migrations()).hasSize(1);
		return catalog.migrations().get(0);
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(this.dir.resolve(name), text);
	}

}
