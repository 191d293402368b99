package dev.migsh.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class TestPostgresTest {

	@Test
	void eachTestGetsAnEmptyDatabaseOfItsOwn(TestDatabase db) {
		assertThat(db.jdbc().queryForObject("select current_database()", String.class)).isEqualTo(db.name());
		assertThat(db.jdbc()
			.queryForObject("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
					+ " where n.nspname = 'public'", Integer.class))
			.isZero();
	}

}
