package dev.migsh.core.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.CatalogFinding.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class MigrationDirectoryTest {

	@TempDir
	Path dir;

	@Test
	void readsAFileWithSections() throws IOException {
		write("031-add-profile-fields-to-users.sql", """
				-- Adds profile fields.
				-- migrate:up
				ALTER TABLE users ADD COLUMN bio text;
				ALTER TABLE users ADD COLUMN avatar_url text;

				-- migrate:down
				ALTER TABLE users DROP COLUMN avatar_url;
				ALTER TABLE users DROP COLUMN bio;
				-- migrate:verify
				SELECT bio, avatar_url FROM users LIMIT 0;
				""");
		MigrationFile migration = read().migrations().get(0);
		assertThat(migration.id()).isEqualTo("031-add-profile-fields-to-users");
		assertThat(migration.version().text()).isEqualTo("031");
		assertThat(migration.name()).isEqualTo("add-profile-fields-to-users");
		assertThat(migration.layout()).isEqualTo(Layout.SECTIONS);
		assertThat(migration.paths()).containsExactly(this.dir.resolve("031-add-profile-fields-to-users.sql"));
		assertThat(migration.up().sql())
			.isEqualTo("ALTER TABLE users ADD COLUMN bio text;\nALTER TABLE users ADD COLUMN avatar_url text;");
		assertThat(migration.up().transactional()).isTrue();
		assertThat(migration.up().checksum()).isEqualTo(Checksums.sha256(migration.up().sql()));
		assertThat(migration.up().statements()).extracting(SqlStatement::sql, SqlStatement::line, SqlStatement::column)
			.containsExactly(tuple("ALTER TABLE users ADD COLUMN bio text", 3, 1),
					tuple("ALTER TABLE users ADD COLUMN avatar_url text", 4, 1));
		assertThat(migration.hasDown()).isTrue();
		assertThat(migration.down().orElseThrow().statements()).extracting(SqlStatement::line).containsExactly(7, 8);
		assertThat(migration.verify().orElseThrow().statements()).extracting(SqlStatement::sql)
			.containsExactly("SELECT bio, avatar_url FROM users LIMIT 0");
	}

	@Test
	void readsSectionOptions() throws IOException {
		write("20241201000000_index_users_email.sql", """
				-- migrate:up transaction:false
				CREATE INDEX CONCURRENTLY users_email ON users (email);
				-- migrate:down transaction:true
				DROP INDEX users_email;
				""");
		MigrationFile migration = read().migrations().get(0);
		assertThat(migration.name()).isEqualTo("index_users_email");
		assertThat(migration.up().transactional()).isFalse();
		assertThat(migration.down().orElseThrow().transactional()).isTrue();
	}

	@Test
	void aDownSectionWithOnlyCommentsIsAnEmptyDownThatUndoesAsANoOp() throws IOException {
		write("009-update-chapters-for-urls.sql", """
				-- migrate:up
				UPDATE chapters SET url = lower(url);
				-- migrate:down
				-- The old URLs are gone; there is no way back.
				""");
		MigrationFile migration = read().migrations().get(0);
		assertThat(migration.down()).hasValueSatisfying(down -> assertThat(down.isEmpty()).isTrue());
		assertThat(migration.hasDown()).isTrue();
	}

	@Test
	void readsUpDownPairs() throws IOException {
		write("002_create_books.up.sql", "-- migrate:up transaction:false\nCREATE TABLE books (id int);\n");
		write("002_create_books.down.sql", "DROP TABLE books;\n");
		write("003_seed.up.sql", "INSERT INTO books VALUES (1);\n");
		MigrationCatalog catalog = read();
		MigrationFile books = catalog.resolve("002_create_books");
		assertThat(books.layout()).isEqualTo(Layout.UP_DOWN_PAIR);
		assertThat(books.name()).isEqualTo("create_books");
		assertThat(books.paths()).containsExactly(this.dir.resolve("002_create_books.up.sql"),
				this.dir.resolve("002_create_books.down.sql"));
		assertThat(books.up().transactional()).isFalse();
		assertThat(books.up().statements()).extracting(SqlStatement::line).containsExactly(2);
		assertThat(books.down().orElseThrow().statements()).extracting(SqlStatement::sql)
			.containsExactly("DROP TABLE books");
		assertThat(books.down().orElseThrow().file()).isEqualTo(this.dir.resolve("002_create_books.down.sql"));
		assertThat(catalog.resolve("3").hasDown()).isFalse();
		assertThat(catalog.findings()).isEmpty();
	}

	@Test
	void readsFlywayFiles() throws IOException {
		write("V1_2__create_users.sql", "CREATE TABLE users (id int);");
		write("U1_2__create_users.sql", "DROP TABLE users;");
		write("V1.10__add_email.sql", "ALTER TABLE users ADD email text;");
		MigrationCatalog catalog = read();
		assertThat(catalog.migrations()).extracting(MigrationFile::id, MigrationFile::name, MigrationFile::layout)
			.containsExactly(tuple("V1_2__create_users", "create_users", Layout.FLYWAY),
					tuple("V1.10__add_email", "add_email", Layout.FLYWAY));
		assertThat(catalog.migrations().get(0).hasDown()).isTrue();
		assertThat(catalog.migrations().get(1).hasDown()).isFalse();
	}

	@Test
	void readsAllLayoutsSideBySideInVersionThenNameOrder() throws IOException {
		write("20241201000000-late.sql", "-- migrate:up\nSELECT 1;");
		write("031_b.up.sql", "SELECT 1;");
		write("031-a.sql", "-- migrate:up\nSELECT 1;");
		write("9-early.sql", "-- migrate:up\nSELECT 1;");
		write("V10__flyway.sql", "SELECT 1;");
		assertThat(read().migrations()).extracting(MigrationFile::id)
			.containsExactly("9-early", "V10__flyway", "031-a", "031_b", "20241201000000-late");
	}

	@Test
	void sameVersionTwiceIsAFindingAndBothStay() throws IOException {
		write("009-create-chapter-progress.sql", "-- migrate:up\nSELECT 1;");
		write("009-update-chapters-for-urls.sql", "-- migrate:up\nSELECT 2;");
		write("3-a.sql", "-- migrate:up\nSELECT 3;");
		write("03-b.sql", "-- migrate:up\nSELECT 4;");
		MigrationCatalog catalog = read();
		assertThat(catalog.migrations()).hasSize(4);
		assertThat(catalog.findings()).extracting(CatalogFinding::kind, CatalogFinding::ids)
			.containsExactly(tuple(Kind.DUPLICATE_VERSION, List.of("3-a", "03-b")), tuple(Kind.DUPLICATE_VERSION,
					List.of("009-create-chapter-progress", "009-update-chapters-for-urls")));
		assertThat(catalog.findings().get(1).message())
			.isEqualTo("2 migrations share version 009: 009-create-chapter-progress, 009-update-chapters-for-urls");
	}

	@Test
	void ignoredFilesAreFindingsThatSayWhatNamesAreExpected() throws IOException {
		write("001-ok.sql", "-- migrate:up\nSELECT 1;");
		for (String name : List.of(".hidden.sql", "001-ok.sql~", "001-ok.sql.swp", "old.bak", "x.orig", "README.md",
				"notes.sql", "R_views.sql")) {
			write(name, "SELECT 1;");
		}
		Files.createDirectory(this.dir.resolve("archive"));
		MigrationCatalog catalog = read();
		assertThat(catalog.migrations()).extracting(MigrationFile::id).containsExactly("001-ok");
		assertThat(catalog.findings()).allSatisfy(f -> assertThat(f.kind()).isEqualTo(Kind.IGNORED_FILE))
			.flatExtracting(CatalogFinding::ids)
			.containsExactlyInAnyOrder(".hidden.sql", "001-ok.sql~", "001-ok.sql.swp", "old.bak", "x.orig", "README.md",
					"notes.sql", "R_views.sql", "archive");
		assertThat(message(catalog, "notes.sql"))
			.isEqualTo("ignored notes.sql: name matches no migration layout; " + MigrationFileName.EXPECTED);
		assertThat(message(catalog, "README.md")).contains("not a .sql file").contains("001-name.sql");
		assertThat(message(catalog, "R_views.sql")).contains("R__name.sql");
		assertThat(message(catalog, "001-ok.sql~")).contains("backup");
	}

	@Test
	void flywayRepeatablesHaveNoVersionAndComeAfterEveryVersionedMigrationByName() throws IOException {
		write("V2__b.sql", "SELECT 2;");
		write("R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT ${n} AS n;");
		write("R__functions.sql", "SELECT 1;");
		write("V10__c.sql", "SELECT 3;");
		write("001-a.sql", "-- migrate:up\nSELECT 1;");
		MigrationCatalog catalog = MigrationDirectory.read(this.dir, Placeholders.NONE.withValue("n", "1"));
		assertThat(catalog.migrations()).extracting(MigrationFile::id)
			.containsExactly("001-a", "V2__b", "V10__c", "R__functions", "R__views");
		MigrationFile views = catalog.find("R__views").orElseThrow();
		assertThat(views.isRepeatable()).isTrue();
		assertThat(views.version().text()).isEmpty();
		assertThat(views.name()).isEqualTo("views");
		assertThat(views.hasDown()).isFalse();
		// the checksum covers the text as written, before placeholders
		assertThat(views.up().checksum()).isEqualTo(Checksums.sha256("CREATE OR REPLACE VIEW v AS SELECT ${n} AS n;"));
		assertThat(catalog.findings()).isEmpty();
		assertThat(catalog.resolve("R__views.sql").id()).isEqualTo("R__views");
	}

	@Test
	void aDownWithoutItsUpIsAFinding() throws IOException {
		write("004_x.down.sql", "DROP TABLE x;");
		write("U5__y.sql", "DROP TABLE y;");
		MigrationCatalog catalog = read();
		assertThat(catalog.migrations()).isEmpty();
		assertThat(catalog.findings()).extracting(CatalogFinding::kind, CatalogFinding::message)
			.containsExactly(tuple(Kind.UNPAIRED_DOWN, "004_x.down.sql has no 004_x.up.sql and is ignored"),
					tuple(Kind.UNPAIRED_DOWN, "U5__y.sql has no V5__y.sql and is ignored"));
	}

	@Test
	void refusesOneIdInTwoLayouts() throws IOException {
		write("001-x.sql", "-- migrate:up\nSELECT 1;");
		write("001-x.up.sql", "SELECT 1;");
		assertThatThrownBy(this::read).isInstanceOf(MigshException.class)
			.hasMessage("migration 001-x is defined twice: by 001-x.sql and by 001-x.up.sql");
	}

	@Test
	void aLargeFolderReadOnSeveralThreadsKeepsTheOrderAndReportsTheFirstBrokenFile() throws IOException {
		for (int i = 1; i <= 300; i++) {
			String broken = (i == 120 || i == 250) ? "SELECT 'unterminated;\n" : "CREATE TABLE t" + i + " (id int);\n";
			write(String.format("%04d-m%d.sql", i, i), "-- migrate:up\n" + broken);
		}
		// two broken files: the error names the first, as a read in order would
		assertThatThrownBy(this::read).isInstanceOf(MigrationFileException.class).hasMessageContaining("0120-m120.sql");
		write("0120-m120.sql", "-- migrate:up\nCREATE TABLE t120 (id int);\n");
		write("0250-m250.sql", "-- migrate:up\nCREATE TABLE t250 (id int);\n");
		List<String> ids = read().migrations().stream().map(MigrationFile::id).toList();
		assertThat(ids).hasSize(300).startsWith("0001-m1", "0002-m2").endsWith("0300-m300");
		assertThat(read().migrations().get(119).up().statements().get(0).sql()).isEqualTo("CREATE TABLE t120 (id int)");
	}

	@Test
	void refusesAMissingFolderWithAHintAboutTheSetting() {
		assertThatThrownBy(() -> MigrationDirectory.read(this.dir.resolve("nope")))
			.isInstanceOfSatisfying(MigshException.class, e -> {
				assertThat(e.getMessage()).endsWith("nope does not exist");
				assertThat(e.hint()).contains("--migrations").contains("MIGSH_MIGRATIONS");
			});
	}

	@Test
	void stripsAByteOrderMarkAndReadsCrLfAsLf() throws IOException {
		write("001-a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n");
		Files.write(this.dir.resolve("002-a.sql"),
				("\uFEFF-- migrate:up\r\nCREATE TABLE a (id int);\r\n" + "-- migrate:down\r\nDROP TABLE a;\r\n")
					.getBytes(StandardCharsets.UTF_8));
		List<MigrationFile> migrations = read().migrations();
		assertThat(migrations.get(1).up().checksum()).isEqualTo(migrations.get(0).up().checksum());
		assertThat(migrations.get(1).down().orElseThrow().checksum())
			.isEqualTo(migrations.get(0).down().orElseThrow().checksum());
		assertThat(migrations.get(1).up().sql()).doesNotContain("\r");
	}

	@Test
	void addingASectionBelowDoesNotChangeTheChecksumAbove() throws IOException {
		write("001-a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n");
		String before = read().migrations().get(0).up().checksum();
		write("001-a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\nDROP TABLE a;\n");
		assertThat(read().migrations().get(0).up().checksum()).isEqualTo(before);
	}

	@Test
	void followsALinkInsideTheFolderButNotOneLeadingOut(@TempDir Path elsewhere) throws IOException {
		Path inside = write("keep.txt", "-- migrate:up\nSELECT 1;");
		Files.createSymbolicLink(this.dir.resolve("001-linked.sql"), inside);
		assertThat(read().migrations()).extracting(MigrationFile::id).containsExactly("001-linked");
		Path outside = Files.writeString(elsewhere.resolve("secret.sql"), "-- migrate:up\nSELECT 1;");
		Files.createSymbolicLink(this.dir.resolve("002-outside.sql"), outside);
		assertThatThrownBy(this::read).isInstanceOf(MigshException.class)
			.hasMessageContaining("002-outside.sql is a symbolic link to")
			.hasMessageContaining("outside the migrations folder");
	}

	private static String message(MigrationCatalog catalog, String id) {
		return catalog.findings().stream().filter(f -> f.ids().contains(id)).findFirst().orElseThrow().message();
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.dir.resolve(name), text);
	}

	private MigrationCatalog read() {
		return MigrationDirectory.read(this.dir);
	}

}
