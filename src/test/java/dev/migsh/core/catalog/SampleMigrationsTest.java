package dev.migsh.core.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sample project in {@code migrations/} really runs on PostgreSQL: every up, every
 * down that does something, and the ups again after their downs. Deliberately independent
 * of the catalog parser (a plain split on the header lines), so a parser bug cannot hide
 * a broken sample and a broken sample cannot fail the parser's tests.
 */
@ExtendWith(FreshDatabase.class)
class SampleMigrationsTest {

	private static final Path FOLDER = Path.of("migrations");

	private static final Pattern HEADER = Pattern.compile("^-- migrate:(up|down|verify)\\b(.*)$");

	private static final Pattern LEADING_VERSION = Pattern.compile("^(\\d+)-(.+)\\.sql$");

	@Test
	void appliesUndoesAndReappliesEveryMigrationOnARealServer(TestDatabase db) throws SQLException {
		List<SampleFile> files = readFolder();
		List<SampleFile> undone = new ArrayList<>();
		try (Connection connection = db.dataSource().getConnection()) {
			for (SampleFile file : files) {
				runUpAndVerify(connection, file);
			}
			for (SampleFile file : reversed(files)) {
				Part down = file.sections().get("down");
				if (down != null && !down.isEmpty()) {
					run(connection, file, "down", down);
					undone.add(file);
				}
			}
			// only what was undone comes back: a create-table migration whose down keeps
			// the table is never re-applied by a migration tool, it would say "already
			// exists"
			for (SampleFile file : reversed(undone)) {
				runUpAndVerify(connection, file);
			}
		}
		assertThat(undone).extracting(SampleFile::id)
			.contains("006-add-course-intro-content", "010-fix-chapter-schema", "031-add-profile-fields-to-users",
					"20241201000003-create-chat-tables");
		assertThat(db.jdbc()
			.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
					String.class))
			.contains("users", "courses", "enrollments", "course_chapters", "chapter_progress", "projects",
					"hackathons", "hackathon_submissions", "hackathon_groups", "student_permissions", "groups",
					"chat_rooms", "chat_room_members", "chat_messages");
		assertThat(db.jdbc()
			.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'users'",
					String.class))
			.contains("bio", "phone", "location");
		assertThat(
				db.jdbc()
					.queryForObject("SELECT data_type FROM information_schema.columns"
							+ " WHERE table_name = 'courses' AND column_name = 'tags'", String.class))
			.isEqualTo("ARRAY");
	}

	@Test
	void keepsTheSeedsQuirks() {
		List<SampleFile> files = readFolder();
		assertThat(files).hasSize(31);
		assertThat(files).filteredOn(f -> f.version().equals(BigInteger.valueOf(9)))
			.extracting(SampleFile::id)
			.containsExactly("009-create-chapter-progress", "009-update-chapters-for-urls");
		assertThat(files.get(files.size() - 1).id()).isEqualTo("20241201000003-create-chat-tables");
		// the seed's createTable migrations: an empty down "to preserve data", or none at
		// all
		assertThat(byId(files, "001-create-users").sections().get("down").isEmpty()).isTrue();
		assertThat(byId(files, "035-create-hackathons").sections().get("down").isEmpty()).isTrue();
		assertThat(byId(files, "002-create-courses").sections()).doesNotContainKey("down");
		assertThat(byId(files, "031-add-profile-fields-to-users").sections().get("down").sql())
			.contains("DROP COLUMN bio", "DROP COLUMN phone", "DROP COLUMN location");
		assertThat(byId(files, "20241201000001-add-is-temp-to-hackathons").sections().get("up").sql())
			.contains("is_temp boolean NOT NULL DEFAULT false");
		assertThat(files).allSatisfy(f -> assertThat(Files.readString(f.path())).startsWith("-- "));
	}

	private static void runUpAndVerify(Connection connection, SampleFile file) {
		run(connection, file, "up", file.sections().get("up"));
		Part verify = file.sections().get("verify");
		if (verify != null) {
			run(connection, file, "verify", verify);
		}
	}

	private static void run(Connection connection, SampleFile file, String kind, Part part) {
		try (Statement statement = connection.createStatement()) {
			if (part.transactional()) {
				connection.setAutoCommit(false);
				statement.execute(part.sql());
				connection.commit();
			}
			else {
				connection.setAutoCommit(true);
				// CREATE INDEX CONCURRENTLY refuses even the implicit transaction of a
				// multi-statement string; the sample's statements end at line ends
				for (String sql : part.sql().split(";\\s*\\n")) {
					if (!new Part("", sql).isEmpty()) {
						statement.execute(sql);
					}
				}
			}
		}
		catch (SQLException ex) {
			fail(file.id() + " " + kind + " failed: " + ex.getMessage(), ex);
		}
		finally {
			try {
				connection.setAutoCommit(true);
			}
			catch (SQLException ex) {
				fail("could not reset autocommit after " + file.id(), ex);
			}
		}
	}

	private static List<SampleFile> reversed(List<SampleFile> files) {
		List<SampleFile> copy = new ArrayList<>(files);
		Collections.reverse(copy);
		return copy;
	}

	private static SampleFile byId(List<SampleFile> files, String id) {
		return files.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
	}

	private static List<SampleFile> readFolder() {
		try (Stream<Path> paths = Files.list(FOLDER)) {
			return paths.filter(p -> LEADING_VERSION.matcher(p.getFileName().toString()).matches())
				.map(SampleMigrationsTest::read)
				.sorted(Comparator.comparing(SampleFile::version).thenComparing(SampleFile::name))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SampleFile read(Path path) {
		Matcher name = LEADING_VERSION.matcher(path.getFileName().toString());
		name.matches();
		Map<String, Part> sections = new LinkedHashMap<>();
		String kind = null;
		String options = "";
		StringBuilder sql = new StringBuilder();
		try {
			for (String line : Files.readAllLines(path)) {
				Matcher header = HEADER.matcher(line);
				if (header.matches()) {
					if (kind != null) {
						sections.put(kind, new Part(options, sql.toString()));
					}
					kind = header.group(1);
					options = header.group(2).trim();
					sql.setLength(0);
				}
				else if (kind != null) {
					sql.append(line).append('\n');
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (kind != null) {
			sections.put(kind, new Part(options, sql.toString()));
		}
		assertThat(sections).as(path + " has an up section").containsKey("up");
		return new SampleFile(path, new BigInteger(name.group(1)), name.group(2), sections);
	}

	private record SampleFile(Path path, BigInteger version, String name, Map<String, Part> sections) {

		String id() {
			String file = this.path.getFileName().toString();
			return file.substring(0, file.length() - ".sql".length());
		}

	}

	private record Part(String options, String sql) {

		boolean transactional() {
			return !this.options.contains("transaction:false");
		}

		boolean isEmpty() {
			return this.sql.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("--"));
		}

	}

}
