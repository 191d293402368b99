package dev.migsh.core.catalog;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migsh.core.MigshException;
import dev.migsh.core.UsageException;

/**
 * Creates the files for {@code new NAME} in the layout the folder already uses (that of
 * its newest migration): {@code <version>-<name>.sql} with empty up, down and verify
 * sections, a golang-migrate pair {@code <version>_<name>.up.sql} and {@code .down.sql},
 * or a Flyway {@code V<version>__<name>.sql}. The version follows the folder's style (a
 * UTC timestamp or the next zero-padded number). Every file written is valid at once (an
 * empty migration is a no-op) and none is ever overwritten.
 */
public final class NewMigration {

	static final int MAX_NAME_LENGTH = 100;

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*");

	// reads only names, not contents: enough to number the next file, and independent of
	// whether the existing files parse
	private static final Pattern PLAIN = Pattern.compile("(\\d+)([-_])(.+?)(\\.up|\\.down)?\\.sql");

	private static final Pattern FLYWAY = Pattern.compile("V(\\d+)(?:[._]\\d+)*__(.+)\\.sql");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final String FIRST_VERSION = "001";

	private NewMigration() {
	}

	/**
	 * Writes the new migration into {@code dir} and returns its path (for a pair, the up
	 * file; the down file is beside it).
	 * @throws UsageException if {@code name} is not lower-case words joined by {@code -}
	 * or {@code _}, at most 100 characters
	 * @throws MigshException if the folder is missing or not writable, or a migration
	 * with that name exists
	 */
	public static Path create(Path dir, String name, Clock clock) {
		return create(dir, name, clock, null, Files::isWritable);
	}

	/**
	 * Writes a migration with the given text instead of the empty template (the file
	 * {@code baseline} writes), named and numbered the same way.
	 */
	public static Path create(Path dir, String name, Clock clock, String text) {
		return create(dir, name, clock, text, Files::isWritable);
	}

	/**
	 * The path {@link #create(Path, String, Clock, String)} would write now, without
	 * writing it: where {@code baseline} puts a file it could not prove, next to it.
	 */
	public static Path nextPath(Path dir, String name, Clock clock) {
		checkName(name);
		return dir.resolve(nextVersion(Files.isDirectory(dir) ? list(dir) : List.of(), clock) + "-" + name + ".sql");
	}

	static Path create(Path dir, String name, Clock clock, Predicate<Path> writable) {
		return create(dir, name, clock, null, writable);
	}

	// the check is passed in because a test run as root finds every folder writable; a
	// null text means the empty template in the folder's own layout
	private static Path create(Path dir, String name, Clock clock, String text, Predicate<Path> writable) {
		checkName(name);
		checkFolder(dir, writable);
		List<Existing> existing = list(dir);
		for (Existing file : existing) {
			if (sameName(file.name(), name)) {
				throw new MigshException("A migration named '" + name + "' already exists: " + file.fileName(),
						"Choose another name, or edit " + dir.resolve(file.fileName()) + ".");
			}
		}
		String version = nextVersion(existing, clock);
		Optional<Existing> newest = newest(existing);
		Layout layout = (text == null) ? newest.map(Existing::layout).orElse(Layout.SECTIONS) : Layout.SECTIONS;
		String separator = newest.filter(e -> e.layout() == layout).map(Existing::separator).orElse("-");
		return switch (layout) {
			case SECTIONS ->
				write(dir.resolve(version + separator + name + ".sql"), (text == null) ? template(name) : text);
			case FLYWAY -> write(dir.resolve("V" + version + "__" + name + ".sql"), pairTemplate(name, "applies"));
			case UP_DOWN_PAIR -> {
				Path up = dir.resolve(version + separator + name + ".up.sql");
				Path down = dir.resolve(version + separator + name + ".down.sql");
				if (Files.exists(down)) {
					throw new MigshException("The file " + down + " already exists.",
							"Run the command again for a new version.");
				}
				write(up, pairTemplate(name, "applies"));
				write(down, pairTemplate(name, "undoes"));
				yield up;
			}
		};
	}

	private static Path write(Path file, String text) {
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
		}
		catch (FileAlreadyExistsException ex) {
			throw new MigshException("The file " + file + " already exists.",
					"Run the command again for a new version.", ex);
		}
		catch (IOException ex) {
			throw new MigshException("Could not write " + file + ": " + ex.getMessage(),
					"Check the folder's permissions and free space.", ex);
		}
		return file;
	}

	static String template(String name) {
		return """
				-- %s: say what this migration does and why.
				-- migrate:up

				-- migrate:down

				-- migrate:verify
				-- queries that must succeed after up, e.g. SELECT new_column FROM some_table LIMIT 0;
				""".formatted(name);
	}

	// a file of comments only is a valid empty migration: the folder keeps working
	// until the SQL is written
	static String pairTemplate(String name, String verb) {
		return "-- " + name + ": write the SQL that " + verb + " this migration below.\n";
	}

	private static void checkName(String name) {
		if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
			String shown = (name == null) ? "" : name;
			throw new UsageException(
					"'" + shown + "' is not a valid migration name: use lower-case words"
							+ " separated by - or _, at most " + MAX_NAME_LENGTH + " characters.",
					"For example: new add-bio-to-users");
		}
	}

	private static void checkFolder(Path dir, Predicate<Path> writable) {
		if (!Files.isDirectory(dir)) {
			throw new MigshException("The migrations folder " + dir + " does not exist.",
					"Create it, or point migsh at another one with --migrations DIR.");
		}
		if (!writable.test(dir)) {
			throw new MigshException("The migrations folder " + dir + " is not writable.",
					"Check its permissions, or point migsh at another one with --migrations DIR.");
		}
	}

	private static List<Existing> list(Path dir) {
		List<Existing> found = new ArrayList<>();
		try (Stream<Path> paths = Files.list(dir)) {
			paths.filter(Files::isRegularFile)
				.forEach(path -> parse(path.getFileName().toString()).ifPresent(found::add));
		}
		catch (IOException ex) {
			throw new MigshException("Could not list the migrations folder " + dir + ": " + ex.getMessage(),
					"Check the folder's permissions.", ex);
		}
		return found;
	}

	private static Optional<Existing> parse(String fileName) {
		Matcher plain = PLAIN.matcher(fileName);
		if (plain.matches()) {
			Layout layout = (plain.group(4) == null) ? Layout.SECTIONS : Layout.UP_DOWN_PAIR;
			return Optional.of(new Existing(fileName, plain.group(1), plain.group(3), layout, plain.group(2)));
		}
		Matcher flyway = FLYWAY.matcher(fileName);
		if (flyway.matches()) {
			return Optional.of(new Existing(fileName, flyway.group(1), flyway.group(2), Layout.FLYWAY, "__"));
		}
		return Optional.empty();
	}

	// add-bio and add_bio would sort side by side and confuse every reader: one name
	private static boolean sameName(String a, String b) {
		return a.replace('_', '-').equals(b.replace('_', '-'));
	}

	private static Optional<Existing> newest(List<Existing> existing) {
		return existing.stream()
			.max(Comparator.comparing(Existing::number).thenComparingInt(e -> e.version().length()));
	}

	private static String nextVersion(List<Existing> existing, Clock clock) {
		Optional<Existing> newest = newest(existing);
		if (newest.isEmpty()) {
			return FIRST_VERSION;
		}
		Optional<LocalDateTime> newestTime = asTimestamp(newest.get().version());
		if (newestTime.isPresent()) {
			LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
				.truncatedTo(ChronoUnit.SECONDS);
			LocalDateTime next = now.isAfter(newestTime.get()) ? now : newestTime.get().plusSeconds(1);
			return TIMESTAMP.format(next);
		}
		String digits = newest.get().number().add(BigInteger.ONE).toString();
		int width = newest.get().version().length();
		return "0".repeat(Math.max(0, width - digits.length())) + digits;
	}

	private static Optional<LocalDateTime> asTimestamp(String version) {
		if (version.length() != 14) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDateTime.parse(version, TIMESTAMP));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private record Existing(String fileName, String version, String name, Layout layout, String separator) {

		BigInteger number() {
			return new BigInteger(this.version);
		}

	}

}
