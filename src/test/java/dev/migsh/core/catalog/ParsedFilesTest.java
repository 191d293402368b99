package dev.migsh.core.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedFilesTest {

	@TempDir
	Path dir;

	private MigrationFile only() {
		return MigrationDirectory.read(this.dir).migrations().get(0);
	}

	@Test
	void anEditOfTheSameLengthRightAfterAReadIsSeen() throws IOException {
		Path file = this.dir.resolve("001-a.sql");
		Files.writeString(file, "-- migrate:up\nCREATE TABLE a (id int);\n");
		String first = only().up().checksum();

		Files.writeString(file, "-- migrate:up\nCREATE TABLE b (id int);\n");

		assertThat(only().up().sql()).contains("TABLE b");
		assertThat(only().up().checksum()).isNotEqualTo(first);
	}

	@Test
	void aSettledFileIsParsedOnceAndReadAgainWhenItChanges() throws Exception {
		Path file = this.dir.resolve("001-a.sql");
		Files.writeString(file, "-- migrate:up\nCREATE TABLE a (id int);\n");
		// older than the racy window: only then is a parsed file kept
		Thread.sleep(2100);
		MigrationFile first = only();

		assertThat(only()).isSameAs(first);

		Files.writeString(file, "-- migrate:up\nCREATE TABLE b (id int);\n");
		assertThat(only().up().sql()).contains("TABLE b");
		Files.delete(file);
		Files.writeString(this.dir.resolve("002-b.sql"), "-- migrate:up\nCREATE TABLE c (id int);\n");
		assertThat(MigrationDirectory.read(this.dir).migrations()).extracting(MigrationFile::id)
			.containsExactly("002-b");
	}

}
