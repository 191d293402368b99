package dev.migsh.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.migsh.testing.TestDatabase;

/** A migrations folder in a temp directory that tests write files into. */
public final class MigrationFolder {

	private final Path dir;

	public MigrationFolder(Path dir) {
		this.dir = dir;
	}

	public Path dir() {
		return this.dir;
	}

	public MigrationFolder write(String fileName, String content) {
		try {
			Files.writeString(this.dir.resolve(fileName), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	public void delete(String fileName) {
		try {
			Files.delete(this.dir.resolve(fileName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public MigratorConfig config() {
		return MigratorConfig.defaults(this.dir).withOperator("tester@testhost").withLockWait(Duration.ofSeconds(10));
	}

	public Migrator migrator(TestDatabase db) {
		return new Migrator(db.dataSource(), config());
	}

}
