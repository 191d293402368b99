package dev.migsh.core.schema;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migsh.core.MigshException;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(FreshDatabase.class)
class ScratchDatabaseTest {

	@Test
	void provesInAnEmbeddedPostgresWhenTheUserMayNotCreateDatabases(TestDatabase db) {
		org.junit.jupiter.api.Assumptions.assumeTrue(dev.migsh.testing.TestPostgres.major() == 17,
				() -> "the embedded fallback is PostgreSQL 17 and this server is "
						+ dev.migsh.testing.TestPostgres.major() + ": on other majors the refusal is what is tested"
						+ " (withoutCreatedbOnAnotherMajorVersionSaysWhichPrivilegeIsNeeded)");
		RichSchema.load(db);
		String role = "nocreatedb_" + ProcessHandle.current().pid();
		db.jdbc().execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
		try {
			PGSimpleDataSource asRole = new PGSimpleDataSource();
			asRole.setServerNames(new String[] { db.host() });
			asRole.setPortNumbers(new int[] { db.port() });
			asRole.setDatabaseName(db.name());
			asRole.setUser(role);

			BaselineScript script = Baseline.generate(asRole, Set.of("migsh"));
			BaselineProof proof = Baseline.prove(script, Path.of("baseline.sql"), 1, asRole, Set.of("migsh"),
					(name) -> {
						throw new AssertionError("no database may be created on the live server, but " + name + " was");
					});

			assertThat(proof.scratch()).isEqualTo("an embedded PostgreSQL 17");
			assertThat(proof.describe()).isEmpty();
		}
		finally {
			db.jdbc().execute("DROP ROLE " + role);
		}
	}

	@Test
	void withoutCreatedbOnAnotherMajorVersionSaysWhichPrivilegeIsNeeded() {
		assertThatThrownBy(() -> ScratchDatabase.checkEmbeddedFits(16, "app")).isInstanceOf(MigshException.class)
			.hasMessageContaining("The user app may not create databases")
			.hasMessageContaining("migsh's embedded PostgreSQL is 17, the server is 16")
			.satisfies((ex) -> assertThat(((MigshException) ex).hint()).contains("ALTER ROLE app CREATEDB"));
	}

	@Test
	void theEmbeddedServerFitsAServerOfItsOwnMajorVersion() {
		ScratchDatabase.checkEmbeddedFits(17, "app");
	}

}
