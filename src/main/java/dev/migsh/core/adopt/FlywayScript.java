package dev.migsh.core.adopt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.migsh.core.catalog.MigrationFile;

/**
 * A migration as Flyway would record it: version with dots ({@code V1_1__x.sql} is 1.1),
 * description (the name after {@code __}, underscores as spaces), script (the file name)
 * and checksum (Flyway's CRC32 of the file). A migration in migsh's own layout gets the
 * name Flyway would give the same migration.
 */
record FlywayScript(String version, String description, String name, int checksum) {

	static FlywayScript of(MigrationFile migration) {
		String version = migration.version().text().replace('_', '.');
		Optional<Path> file = migration.paths()
			.stream()
			.filter(p -> p.getFileName().toString().startsWith("V"))
			.findFirst();
		if (file.isPresent()) {
			String name = file.get().getFileName().toString();
			String stem = name.substring(name.indexOf("__") + 2, name.length() - ".sql".length());
			return new FlywayScript(version, stem.replace('_', ' '), name, FlywayChecksum.of(read(file.get())));
		}
		String stem = migration.name().replace('-', '_');
		return new FlywayScript(version, stem.replace('_', ' '), "V" + version.replace('.', '_') + "__" + stem + ".sql",
				FlywayChecksum.of(migration.up().sql()));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
