package dev.migsh.core.apply;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.postgres.PostgresErrors;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationLockTest {

	@Test
	void lockKeyIsFnv1aOfTheHistoryTableSoItIsStableAcrossServerVersions() {
		assertThat(MigrationLock.objectId("")).isEqualTo(0x811c9dc5);
		assertThat(MigrationLock.objectId("a")).isEqualTo(0xe40c292c);
		assertThat(MigrationLock.objectId("migsh.history")).isNotEqualTo(MigrationLock.objectId("other.history"));
	}

	@Test
	void serverPositionsBecomeFileLineColumn() {
		SqlStatement statement = new SqlStatement("SELECT *\n  FROM nope", 7, 5);
		Path file = Path.of("migrations/001-x.sql");

		assertThat(PostgresErrors.location(file, statement, 0)).isEqualTo("migrations/001-x.sql:7:5");
		assertThat(PostgresErrors.location(file, statement, 8)).isEqualTo("migrations/001-x.sql:7:12");
		assertThat(PostgresErrors.location(file, statement, 15)).isEqualTo("migrations/001-x.sql:8:6");
	}

}
