package dev.migsh.core.adopt;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.core.adopt.AdoptionMatch.Matched;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationDirectory;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed team's case end to end: the SequelizeMeta their production database holds,
 * found and matched against the sample folder they converted to migsh.
 */
@ExtendWith(FreshDatabase.class)
class SequelizeAdoptionTest {

	@Test
	void adoptsEverySampleMigrationFromTheTeamsSequelizeMeta(TestDatabase db) throws SQLException {
		MigrationCatalog sample = MigrationDirectory.read(Path.of("migrations"));
		db.jdbc().execute(ForeignTables.SEQUELIZE);
		for (MigrationFile m : sample.migrations()) {
			db.jdbc().update("INSERT INTO \"SequelizeMeta\" (name) VALUES (?)", m.id() + ".js");
		}

		List<ForeignHistory> found = ForeignHistoriesTest.detect(db, List.of());
		AdoptionMatch match = AdoptionMatcher.match(found.get(0), sample);

		assertThat(sample.migrations()).hasSize(31);
		assertThat(match.matched()).hasSize(31)
			.allSatisfy(m -> assertThat(m.rule()).isEqualTo(MatchRule.FILE_NAME))
			.allSatisfy(m -> assertThat(m.entry().rawId()).isEqualTo(m.migrationId() + ".js"));
		assertThat(match.matched()).extracting(Matched::migrationId)
			.contains("009-create-chapter-progress", "009-update-chapters-for-urls",
					"20241201000003-create-chat-tables");
		assertThat(match.pending()).isEmpty();
		assertThat(match.unmatched()).isEmpty();
		assertThat(match.isClean()).isTrue();
	}

}
