package dev.migsh.core.catalog;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migsh.core.MigshException;

/**
 * The migrations of one folder in apply order ({@link MigrationFile#ORDER}), with what
 * was odd about the folder; looking a migration up by id or version lives here.
 */
public record MigrationCatalog(Path directory, List<MigrationFile> migrations, List<CatalogFinding> findings) {

	public MigrationCatalog {
		migrations = migrations.stream().sorted(MigrationFile.ORDER).toList();
		findings = List.copyOf(findings);
	}

	/** The migration with exactly this id. */
	public Optional<MigrationFile> find(String id) {
		return this.migrations.stream().filter(m -> m.id().equals(id)).findFirst();
	}

	/**
	 * The migration a user means: an exact id, a file name, or a version that only one
	 * migration has, compared as a number ({@code 31} finds {@code 031-...}).
	 * @throws MigshException when nothing or more than one migration matches
	 */
	public MigrationFile resolve(String idOrVersion) {
		String wanted = stripFileName(idOrVersion.strip());
		Optional<MigrationFile> exact = find(wanted);
		if (exact.isPresent()) {
			return exact.get();
		}
		String versionText = wanted.matches("[Vv]\\d.*") ? wanted.substring(1) : wanted;
		if (versionText.matches("\\d+([._]\\d+)*")) {
			Version version = Version.parse(versionText);
			List<MigrationFile> matches = this.migrations.stream()
				.filter(m -> m.version().sameNumber(version))
				.toList();
			if (matches.size() == 1) {
				return matches.get(0);
			}
			if (matches.size() > 1) {
				throw new MigshException("version " + versionText + " is ambiguous: " + String.join(", ", ids(matches)),
						"give the full id of the migration you mean");
			}
		}
		List<String> close = closest(ids(this.migrations), wanted);
		String hint = close.isEmpty() ? "run status to list the migrations in " + this.directory
				: "did you mean " + String.join(" or ", close) + "?";
		throw new MigshException("no migration '" + idOrVersion.strip() + "' in " + this.directory, hint);
	}

	/**
	 * Up to three ids that look like what was typed, closest first, for "did you mean".
	 */
	public static List<String> closest(List<String> ids, String wanted) {
		return ids.stream()
			.filter(id -> isClose(id, wanted))
			.sorted(Comparator.comparingInt(id -> distance(id, wanted)))
			.limit(3)
			.toList();
	}

	private static List<String> ids(List<MigrationFile> migrations) {
		return migrations.stream().map(MigrationFile::id).toList();
	}

	private static String stripFileName(String text) {
		String name = text.contains("/") ? text.substring(text.lastIndexOf('/') + 1) : text;
		if (!name.endsWith(".sql")) {
			return text;
		}
		return name.replaceFirst("(\\.up|\\.down)?\\.sql$", "");
	}

	private static boolean isClose(String id, String wanted) {
		String a = id.toLowerCase(Locale.ROOT);
		String b = wanted.toLowerCase(Locale.ROOT);
		return (b.length() >= 3 && a.contains(b)) || distance(a, b) <= Math.max(2, b.length() / 4);
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
