package dev.migsh.core.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationFileName.Part;

/**
 * Reads a migrations folder in any mix of the three layouts into a
 * {@link MigrationCatalog}. It only reads: nothing in the files is ever executed here.
 */
public final class MigrationDirectory {

	private final Path directory;

	private final Path realDirectory;

	private final List<CatalogFinding> findings = new ArrayList<>();

	private final Map<String, MigrationFileName> ups = new LinkedHashMap<>();

	private final Map<String, MigrationFileName> downs = new LinkedHashMap<>();

	private final Placeholders placeholders;

	/** What the listing's stat found, by file: read again only when it changed. */
	private final Map<Path, Object> stamps = new HashMap<>();

	/** The names of the folder's entries that are symbolic links. */
	private final Set<String> links = new HashSet<>();

	private MigrationDirectory(Path directory, Path realDirectory, Placeholders placeholders) {
		this.directory = directory;
		this.realDirectory = realDirectory;
		this.placeholders = placeholders;
	}

	/**
	 * Reads every migration in {@code dir} (not its subfolders), with no placeholder
	 * values: a file using one is refused.
	 * @throws MigshException when the folder is missing, or a file is unreadable or
	 * malformed ({@link MigrationFileException} with file:line:column)
	 */
	public static MigrationCatalog read(Path dir) {
		return read(dir, Placeholders.NONE);
	}

	/**
	 * Reads every migration in {@code dir}, replacing placeholders in the statements to
	 * run; section texts and checksums stay as written.
	 * @throws MigshException as {@link #read(Path)}, and for a placeholder without a
	 * value or template syntax left in the SQL, before anything can run
	 */
	public static MigrationCatalog read(Path dir, Placeholders placeholders) {
		if (!Files.isDirectory(dir)) {
			throw new MigshException(
					"migrations folder " + dir + (Files.exists(dir) ? " is not a folder" : " does not exist"),
					"pass --migrations DIR or set MIGSH_MIGRATIONS to the folder holding the migration files");
		}
		try {
			return new MigrationDirectory(dir, dir.toRealPath(), placeholders).run();
		}
		catch (IOException ex) {
			throw new MigshException("cannot read migrations folder " + dir + ": " + ex.getMessage(),
					"check that the folder exists and is readable", ex);
		}
	}

	/** Below this many migrations one thread reads them faster than several. */
	private static final int PARALLEL_FROM = 64;

	private MigrationCatalog run() throws IOException {
		List<Path> entries;
		try (Stream<Path> list = Files.list(this.directory)) {
			entries = list.sorted().toList();
		}
		// a stat per entry, on every core for a large folder; then classified in order
		Stream<Path> all = (entries.size() >= PARALLEL_FROM) ? entries.parallelStream() : entries.stream();
		for (Examined examined : all.map(MigrationDirectory::examine).toList()) {
			classify(examined);
		}
		List<MigrationFileName> ups = List.copyOf(this.ups.values());
		List<Optional<MigrationFileName>> downsOfUps = new ArrayList<>();
		for (MigrationFileName up : ups) {
			downsOfUps.add(Optional.ofNullable(this.downs.remove(up.id())));
		}
		List<MigrationFile> migrations = readAll(ups, downsOfUps);
		for (MigrationFileName down : this.downs.values()) {
			String upName = (down.part() == Part.FLYWAY_UNDO) ? down.id() + ".sql" : down.id() + ".up.sql";
			this.findings.add(new CatalogFinding(CatalogFinding.Kind.UNPAIRED_DOWN,
					down.fileName() + " has no " + upName + " and is ignored", List.of(down.id())));
		}
		migrations.sort(MigrationFile.ORDER);
		addDuplicateVersions(migrations);
		return new MigrationCatalog(this.directory, migrations, this.findings);
	}

	/**
	 * Reads and parses the migrations, a large folder on every core (each file is read on
	 * its own); a file that fails is reported as a sequential read would: the first in
	 * order.
	 */
	private List<MigrationFile> readAll(List<MigrationFileName> ups, List<Optional<MigrationFileName>> downs) {
		Object[] results = new Object[ups.size()];
		IntStream indexes = IntStream.range(0, ups.size());
		if (ups.size() >= PARALLEL_FROM) {
			indexes = indexes.parallel();
		}
		indexes.forEach(i -> {
			try {
				results[i] = migration(ups.get(i), downs.get(i));
			}
			catch (RuntimeException ex) {
				results[i] = ex;
			}
		});
		List<MigrationFile> migrations = new ArrayList<>(results.length);
		for (Object result : results) {
			if (result instanceof RuntimeException ex) {
				throw ex;
			}
			migrations.add((MigrationFile) result);
		}
		return migrations;
	}

	/**
	 * A folder entry as one lstat sees it: folder or link (a link followed to tell a
	 * linked folder), and for a plain file the stamp that decides whether it is read
	 * again.
	 */
	private record Examined(Path path, boolean link, boolean folder, Object stamp) {
	}

	private static Examined examine(Path entry) {
		try {
			String unix = ParsedFiles.unixAttributes("isDirectory,isSymbolicLink");
			if (unix != null) {
				Map<String, Object> attributes = Files.readAttributes(entry, unix, LinkOption.NOFOLLOW_LINKS);
				boolean link = (Boolean) attributes.get("isSymbolicLink");
				return new Examined(entry, link,
						link ? Files.isDirectory(entry) : (Boolean) attributes.get("isDirectory"),
						link ? null : ParsedFiles.stampOf(attributes));
			}
			BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			boolean link = attributes.isSymbolicLink();
			return new Examined(entry, link, link ? Files.isDirectory(entry) : attributes.isDirectory(), null);
		}
		catch (IOException ex) {
			return new Examined(entry, Files.isSymbolicLink(entry), Files.isDirectory(entry), null);
		}
	}

	private void classify(Examined examined) {
		Path entry = examined.path();
		String fileName = entry.getFileName().toString();
		boolean link = examined.link();
		boolean folder = examined.folder();
		if (examined.stamp() != null) {
			this.stamps.put(entry, examined.stamp());
		}
		if (link) {
			this.links.add(fileName);
		}
		if (folder) {
			ignore(fileName, fileName.startsWith(".") ? "hidden folder" : "a folder; subfolders are not read");
			return;
		}
		MigrationFileName name = MigrationFileName.parse(fileName);
		if (name.part() == Part.IGNORED) {
			ignore(fileName, name.ignoredBecause());
			return;
		}
		Map<String, MigrationFileName> target = name.part().down ? this.downs : this.ups;
		MigrationFileName other = target.putIfAbsent(name.id(), name);
		if (other != null) {
			throw new MigshException(
					"migration " + name.id() + " is defined twice: by " + other.fileName() + " and by " + fileName,
					"keep one layout per migration: merge the two files into one and delete the other");
		}
	}

	private void ignore(String fileName, String because) {
		this.findings.add(new CatalogFinding(CatalogFinding.Kind.IGNORED_FILE, "ignored " + fileName + ": " + because,
				List.of(fileName)));
	}

	private MigrationFile migration(MigrationFileName up, Optional<MigrationFileName> down) {
		Path upPath = checkedPath(up);
		Optional<Path> downPath = up.part() == Part.SECTIONS ? Optional.empty() : down.map(this::checkedPath);
		List<Path> files = downPath.isPresent() ? List.of(upPath, downPath.get()) : List.of(upPath);
		return ParsedFiles.get(files, this.placeholders, () -> migration(up, upPath, downPath), this.stamps);
	}

	private MigrationFile migration(MigrationFileName up, Path upPath, Optional<Path> down) {
		String upText = SqlSource.read(upPath);
		Section upSection;
		Optional<Section> downSection = Optional.empty();
		Optional<Section> verifySection = Optional.empty();
		List<Path> paths = new ArrayList<>(List.of(upPath));
		if (up.part() == Part.SECTIONS) {
			Map<SectionKind, Section> sections = SectionReader.readSections(upPath, upText, this.placeholders);
			upSection = sections.get(SectionKind.UP);
			downSection = Optional.ofNullable(sections.get(SectionKind.DOWN));
			verifySection = Optional.ofNullable(sections.get(SectionKind.VERIFY));
		}
		else {
			upSection = SectionReader.readWhole(upPath, upText, SectionKind.UP, this.placeholders);
			if (down.isPresent()) {
				Path downPath = down.get();
				paths.add(downPath);
				String downText = SqlSource.read(downPath);
				downSection = Optional
					.of(SectionReader.readWhole(downPath, downText, SectionKind.DOWN, this.placeholders));
			}
		}
		return new MigrationFile(up.id(), up.version(), up.name(), up.part().layout, paths, upSection, downSection,
				verifySection);
	}

	// A link may point anywhere; only files inside the folder belong to this project's
	// history.
	private Path checkedPath(MigrationFileName name) {
		Path path = this.directory.resolve(name.fileName());
		if (!this.links.contains(name.fileName())) {
			return path;
		}
		try {
			Path target = path.toRealPath();
			if (!target.startsWith(this.realDirectory)) {
				throw new MigshException(
						path + " is a symbolic link to " + target + ", outside the migrations folder " + this.directory,
						"copy the file into the folder instead of linking to it");
			}
			return path;
		}
		catch (IOException ex) {
			throw new MigshException(path + " is a symbolic link to a missing file",
					"remove the link or restore the file it points to", ex);
		}
	}

	private void addDuplicateVersions(List<MigrationFile> sorted) {
		int i = 0;
		while (i < sorted.size()) {
			if (sorted.get(i).isRepeatable()) {
				// repeatables share no version: their ids (R__name) are unique by name
				i++;
				continue;
			}
			int j = i + 1;
			while (j < sorted.size() && sorted.get(j).version().sameNumber(sorted.get(i).version())) {
				j++;
			}
			if (j - i > 1) {
				List<String> ids = sorted.subList(i, j).stream().map(MigrationFile::id).toList();
				String message = ids.size() + " migrations share version " + sorted.get(i).version() + ": "
						+ String.join(", ", ids);
				this.findings.add(new CatalogFinding(CatalogFinding.Kind.DUPLICATE_VERSION, message, ids));
			}
			i = j;
		}
	}

}
