package dev.migsh.core.schema;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.core.Migrator;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own sample migrations, applied by the engine, then baselined: the proof
 * finds no difference, although PostgreSQL stores a varchar IN-list CHECK differently
 * once its text is run again.
 */
@ExtendWith(FreshDatabase.class)
class SampleProjectBaselineTest {

	private static final Set<String> MIGSH = Set.of("migsh");

	@Test
	void theSampleProjectsAppliedSchemaProvesWithNoDifference(TestDatabase db) {
		dev.migsh.testing.TestPostgres.assumeAtLeast(15, "the sample project's 037 uses UNIQUE NULLS NOT DISTINCT");
		Migrator migrator = new Migrator(db.dataSource(),
				MigratorConfig.defaults(Path.of("migrations")).withOperator("tester@testhost"));
		migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());

		BaselineScript script = Baseline.generate(db.dataSource(), MIGSH);
		BaselineProof proof = Baseline.prove(script, Path.of("baseline.sql"), 1, db.dataSource(), MIGSH,
				TestConnector.of(db));

		assertThat(proof.describe()).isEmpty();
		assertThat(proof.proven()).isTrue();
		assertThat(proof.reparsed()).anySatisfy((line) -> assertThat(line).contains("users_role_check"));
	}

}
