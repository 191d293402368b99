package dev.migsh.core.catalog;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Migrations already read in this process, so an interactive {@code status} over 10,000
 * files stats them instead of reading, lexing and hashing each again. An entry is kept
 * only while every file behind it has the same identity (device and inode), size,
 * modification and change time; and only when the file was last modified well before it
 * was read (git's "racy clean" rule): a coarse file-system clock cannot hide an edit of
 * the same length made in the same tick.
 */
final class ParsedFiles {

	/** A file modified this recently before it was read is read again next time. */
	private static final long RACY_NANOS = 2_000_000_000L;

	private static final Map<Path, Entry> ENTRIES = new ConcurrentHashMap<>();

	/** What a stamp is made of, read in one stat. */
	private static final String STAMP_ATTRIBUTES = "unix:dev,ino,size,lastModifiedTime,ctime";

	private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

	private ParsedFiles() {
	}

	private record Stamp(Object key, long size, FileTime modified, Object changed) {
	}

	private record Entry(List<Stamp> stamps, Object variant, MigrationFile file, long readAtMillis) {
	}

	/**
	 * The migration whose files are {@code paths} (the up file first), parsed by
	 * {@code parse} unless an entry for the same unchanged files, parsed the same way
	 * ({@code variant}: the placeholder values), is kept.
	 */
	static MigrationFile get(List<Path> paths, Object variant, Supplier<MigrationFile> parse) {
		return get(paths, variant, parse, Map.of());
	}

	/**
	 * As {@link #get(List, Object, Supplier)}, with the stamps of some of the files
	 * already read (by the folder listing, from {@link #stampOf}), so each file is
	 * stat'ed once.
	 */
	static MigrationFile get(List<Path> paths, Object variant, Supplier<MigrationFile> parse, Map<Path, Object> known) {
		List<Stamp> stamps = stamps(paths, known);
		Path key = paths.get(0).toAbsolutePath();
		Entry entry = ENTRIES.get(key);
		if (stamps != null && entry != null && entry.stamps().equals(stamps)
				&& java.util.Objects.equals(entry.variant(), variant)) {
			return entry.file();
		}
		long readAt = System.currentTimeMillis();
		MigrationFile file = parse.get();
		if (stamps != null && stamps.stream().allMatch(s -> settled(s, readAt)) && file.paths().equals(paths)) {
			ENTRIES.put(key, new Entry(stamps, variant, file, readAt));
		}
		else {
			ENTRIES.remove(key);
		}
		return file;
	}

	private static boolean settled(Stamp stamp, long readAtMillis) {
		return (readAtMillis - stamp.modified().toMillis()) * 1_000_000L > RACY_NANOS
				&& (!(stamp.changed() instanceof FileTime c)
						|| (readAtMillis - c.toMillis()) * 1_000_000L > RACY_NANOS);
	}

	private static List<Stamp> stamps(List<Path> paths, Map<Path, Object> known) {
		try {
			Stamp[] stamps = new Stamp[paths.size()];
			for (int i = 0; i < stamps.length; i++) {
				stamps[i] = (known.get(paths.get(i)) instanceof Stamp stamp) ? stamp : stamp(paths.get(i));
			}
			return List.of(stamps);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// unknown: read it
			return null;
		}
	}

	/**
	 * The attributes to ask for, with more of one's own, in one stat; null where the file
	 * system has no unix view.
	 */
	static String unixAttributes(String more) {
		return UNIX ? STAMP_ATTRIBUTES + "," + more : null;
	}

	/** A file's stamp from attributes read with {@link #unixAttributes}. */
	static Object stampOf(Map<String, Object> a) {
		return new Stamp(List.of(a.get("dev"), a.get("ino")), (Long) a.get("size"),
				(FileTime) a.get("lastModifiedTime"), a.get("ctime"));
	}

	private static Stamp stamp(Path path) throws IOException {
		if (UNIX) {
			// one stat for all of it
			return (Stamp) stampOf(Files.readAttributes(path, STAMP_ATTRIBUTES));
		}
		BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
		return new Stamp(Objects.requireNonNullElse(basic.fileKey(), path), basic.size(), basic.lastModifiedTime(),
				null);
	}

}
