package dev.migsh.core.catalog;

import java.util.regex.Matcher;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a file name in the migrations folder says: which layout and part it belongs to, or
 * why the file is ignored ({@code ignoredBecause} is null for a migration file).
 */
record MigrationFileName(String fileName, Part part, String id, Version version, String name, String ignoredBecause) {

	static final String EXPECTED = "migrations are named 001-name.sql, 001-name.up.sql with 001-name.down.sql, "
			+ "or V1__name.sql with U1__name.sql (and repeatable R__name.sql)";

	enum Part {

		SECTIONS(Layout.SECTIONS, false), PAIR_UP(Layout.UP_DOWN_PAIR, false), PAIR_DOWN(Layout.UP_DOWN_PAIR, true),
		FLYWAY_UP(Layout.FLYWAY, false), FLYWAY_UNDO(Layout.FLYWAY, true), FLYWAY_REPEATABLE(Layout.FLYWAY, false),
		IGNORED(null, false);

		final Layout layout;

		final boolean down;

		Part(Layout layout, boolean down) {
			this.layout = layout;
			this.down = down;
		}

	}

	private static final int MAX_PARSED = 100_000;

	private static final Map<String, MigrationFileName> PARSED = new ConcurrentHashMap<>();

	private static final Pattern PAIR = Pattern.compile("((\\d+)[-_](.+))\\.(up|down)\\.sql");

	private static final Pattern FLYWAY = Pattern.compile("([VU])((\\d+(?:[._]\\d+)*)__(.+))\\.sql");

	private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");

	private static final Pattern SECTIONS = Pattern.compile("((\\d+)[-_](.+))\\.sql");

	static MigrationFileName parse(String fileName) {
		// a name always parses the same: an interactive session reading a folder of
		// 10,000
		// files again matches no pattern twice
		if (PARSED.size() > MAX_PARSED) {
			PARSED.clear();
		}
		return PARSED.computeIfAbsent(fileName, MigrationFileName::parseName);
	}

	private static MigrationFileName parseName(String fileName) {
		if (fileName.startsWith(".")) {
			return ignored(fileName, "hidden file");
		}
		if (fileName.endsWith("~") || fileName.endsWith(".swp") || fileName.endsWith(".bak")
				|| fileName.endsWith(".orig")) {
			return ignored(fileName, "editor backup file");
		}
		if (!fileName.endsWith(".sql")) {
			return ignored(fileName, "not a .sql file; " + EXPECTED);
		}
		Matcher pair = PAIR.matcher(fileName);
		if (pair.matches()) {
			Part part = pair.group(4).equals("up") ? Part.PAIR_UP : Part.PAIR_DOWN;
			return new MigrationFileName(fileName, part, pair.group(1), Version.parse(pair.group(2)), pair.group(3),
					null);
		}
		Matcher flyway = FLYWAY.matcher(fileName);
		if (flyway.matches()) {
			Part part = flyway.group(1).equals("V") ? Part.FLYWAY_UP : Part.FLYWAY_UNDO;
			return new MigrationFileName(fileName, part, "V" + flyway.group(2), Version.parse(flyway.group(3)),
					flyway.group(4), null);
		}
		Matcher repeatable = REPEATABLE.matcher(fileName);
		if (repeatable.matches()) {
			// no version: the id R__name is its key in the history
			return new MigrationFileName(fileName, Part.FLYWAY_REPEATABLE, "R__" + repeatable.group(1),
					Version.REPEATABLE, repeatable.group(1), null);
		}
		Matcher sections = SECTIONS.matcher(fileName);
		if (sections.matches()) {
			return new MigrationFileName(fileName, Part.SECTIONS, sections.group(1), Version.parse(sections.group(2)),
					sections.group(3), null);
		}
		return ignored(fileName, "name matches no migration layout; " + EXPECTED);
	}

	private static MigrationFileName ignored(String fileName, String because) {
		return new MigrationFileName(fileName, Part.IGNORED, null, null, null, because);
	}

}
