package dev.migsh.core.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.MigshException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MalformedMigrationFileTest {

	@TempDir
	Path dir;

	@Test
	void unknownSectionWordAtTheWord() throws IOException {
		refused("001-a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:downn\n", 3, 12,
				"unknown section 'downn': expected up, down or verify");
	}

	@Test
	void unknownOptionAtTheOption() throws IOException {
		refused("001-a.sql", "-- migrate:up  transaction:false  lock:none\nSELECT 1;\n", 1, 35,
				"unknown option 'lock:none' in -- migrate:up: the only option is transaction");
	}

	@Test
	void badOptionValueAtTheOption() throws IOException {
		refused("001-a.sql", "-- migrate:up transaction:no\nSELECT 1;\n", 1, 15,
				"bad value 'no' for option transaction: expected true or false");
	}

	@Test
	void sectionTwiceAtTheSecondHeader() throws IOException {
		refused("001-a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:down\n", 5, 1,
				"section -- migrate:down appears twice (first on line 3)");
	}

	@Test
	void sqlBeforeTheFirstHeaderAtTheSql() throws IOException {
		refused("001-a.sql", "-- about this file\n  CREATE TABLE t ();\n-- migrate:up\nSELECT 1;\n", 2, 3,
				"SQL before the first -- migrate: header");
	}

	@Test
	void noUpSection() throws IOException {
		refused("001-a.sql", "-- migrate:down\nDROP TABLE t;\n", 1, 1, "no -- migrate:up section");
		refused("001-a.sql", "CREATE TABLE t ();\n", 1, 1, "no -- migrate:up section");
	}

	@Test
	void headerOfAnotherKindInAWholeFileSection() throws IOException {
		refused("001-a.up.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n", 3, 1,
				"unexpected section header -- migrate:down: this whole file is the up section");
		refused("V1__a.sql", "-- migrate:down\nSELECT 1;\n", 1, 1,
				"unexpected section header -- migrate:down: this whole file is the up section");
		refused("001-a.up.sql", "SELECT 1;\n-- migrate:up transaction:false\n", 2, 1,
				"unexpected section header -- migrate:up: this whole file is the up section");
	}

	@Test
	void unterminatedConstructsAtTheirOpeningInFileLines() throws IOException {
		refused("001-a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 'oops;\n", 4, 8,
				"unterminated quoted string");
		refused("001-a.sql", "-- migrate:up\nDO $$ BEGIN\n-- migrate:down\n$$;\n", 2, 4,
				"unterminated dollar-quoted string $$");
	}

	@Test
	void psqlMetaCommandAtTheBackslash() throws IOException {
		refused("001-a.sql", "-- migrate:up\nSELECT 1;\n\\i other.sql\n", 3, 1,
				"psql meta-command \\i is not supported");
	}

	@Test
	void invalidUtf8AtTheBadByte() throws IOException {
		byte[] latin1 = "-- migrate:up\nSELECT 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
		Files.write(this.dir.resolve("001-a.sql"), latin1);
		assertRefused(this.dir.resolve("001-a.sql"), 2, 12, "invalid UTF-8 (byte 0xE9 at offset 25)");
	}

	@Test
	void invalidUtf8ColumnsCountCharactersNotBytes() throws IOException {
		byte[] head = "-- migrate:up\nSELECT 'é".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[head.length + 1];
		System.arraycopy(head, 0, bytes, 0, head.length);
		bytes[head.length] = (byte) 0xFF;
		Files.write(this.dir.resolve("001-a.sql"), bytes);
		assertRefused(this.dir.resolve("001-a.sql"), 2, 10, "invalid UTF-8 (byte 0xFF");
	}

	@Test
	void nulByteAtItsPosition() throws IOException {
		refused("001-a.sql", "-- migrate:up\nSELECT 1;\r\n  \0", 3, 3, "NUL byte in a migration file");
	}

	@Test
	void refusesFilesOverTenMebibytes() throws IOException {
		Path big = this.dir.resolve("001-big.sql");
		Files.write(big, new byte[(int) SqlSource.MAX_BYTES + 1]);
		assertThatThrownBy(() -> MigrationDirectory.read(this.dir)).isInstanceOf(MigshException.class)
			.isNotInstanceOf(MigrationFileException.class)
			.hasMessage(big + " is 10.0 MiB; migration files are limited to 10 MiB");
	}

	private void refused(String name, String text, int line, int column, String problem) throws IOException {
		try (var files = Files.list(this.dir)) {
			for (Path old : files.toList()) {
				Files.delete(old);
			}
		}
		Path file = Files.writeString(this.dir.resolve(name), text);
		assertRefused(file, line, column, problem);
	}

	private void assertRefused(Path file, int line, int column, String problem) {
		assertThatThrownBy(() -> MigrationDirectory.read(this.dir)).isInstanceOfSatisfying(MigrationFileException.class,
				e -> {
					assertThat(e.getMessage()).startsWith(file + ":" + line + ":" + column + ": " + problem);
					assertThat(e.file()).isEqualTo(file);
					assertThat(e.hint()).isNotBlank();
				});
	}

}
