package dev.migsh.core.schema;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migsh.core.Migrator;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.testing.TestDatabase;
import dev.migsh.testing.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog queries serve every major migsh supports: on the oldest (13, before
 * multiranges and typsubscript) and on the pg_dump major, a range type, an aggregate, an
 * operator, a varchar IN-list CHECK and a grant (plus the sample project from 15) are
 * baselined and proven with no difference.
 */
class BaselineOnOtherMajorsTest {

	private static final Set<String> MIGSH = Set.of("migsh");

	@ParameterizedTest(name = "PostgreSQL {0}")
	@ValueSource(ints = { 13, 15 })
	void baselinesAndProvesTheSampleProject(int major) {
		try (TestDatabase db = TestPostgres.createDatabase(major)) {
			if (major >= 15) {
				// the sample uses UNIQUE NULLS NOT DISTINCT, from 15
				new Migrator(db.dataSource(),
						MigratorConfig.defaults(Path.of("migrations")).withOperator("tester@testhost"))
					.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
			}
			db.jdbc()
				.execute(
						"""
								CREATE TABLE people (id integer PRIMARY KEY, first_name text,
								                     last_name varchar(20) CHECK (last_name IN ('a', 'b')));
								CREATE TYPE float_span AS RANGE (subtype = float8);
								CREATE FUNCTION concat_step(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT $1 || $2 $$;
								CREATE AGGREGATE group_concat(text) (SFUNC = concat_step, STYPE = text, INITCOND = '');
								CREATE OPERATOR ~=~ (FUNCTION = texteq, LEFTARG = text, RIGHTARG = text);
								CREATE VIEW user_names AS SELECT group_concat(first_name) AS names FROM people WHERE first_name ~=~ 'x';
								GRANT SELECT ON people TO PUBLIC""");

			BaselineScript script = Baseline.generate(db.dataSource(), MIGSH);
			BaselineProof proof = Baseline.prove(script, Path.of("baseline.sql"), 1, db.dataSource(), MIGSH,
					TestConnector.of(db));

			assertThat(script.leftOut()).isEmpty();
			assertThat(proof.describe()).isEmpty();
			assertThat(proof.proven()).isTrue();
		}
	}

}
