package dev.migsh.core.schema;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.migsh.core.schema.TableProvenance.ColumnTouch;
import dev.migsh.core.schema.TableProvenance.Source;
import dev.migsh.core.schema.TableProvenance.Touch;

import static org.assertj.core.api.Assertions.assertThat;

class ProvenanceTest {

	private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

	@Test
	void namesTheMigrationsThatCreatedAndChangedTheTableAndEachColumn() {
		List<Source> sources = List.of(
				applied("001-create-users",
						"CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL,"
								+ " CONSTRAINT users_email_key UNIQUE (email), score numeric(5, 2));"
								+ "\nCREATE TABLE orders (id bigint, user_id bigint);"),
				applied("002-add-bio",
						"ALTER TABLE public.users ADD COLUMN IF NOT EXISTS bio text, "
								+ "ALTER COLUMN email SET DEFAULT '';"),
				applied("003-index",
						"CREATE INDEX CONCURRENTLY users_email_idx ON ONLY users (lower(email));"
								+ "\nALTER TABLE orders ADD COLUMN total numeric;"),
				new Source("004-comment", "pending", Optional.empty(), "COMMENT ON TABLE users IS 'People';"));

		TableProvenance provenance = TableProvenanceOf.users(sources, "id", "email", "score", "bio");

		assertThat(provenance.migrations()).extracting(Touch::migrationId, Touch::actions)
			.containsExactly(org.assertj.core.api.Assertions.tuple("001-create-users", List.of("created the table")),
					org.assertj.core.api.Assertions.tuple("002-add-bio",
							List.of("added column bio", "changed column email")),
					org.assertj.core.api.Assertions.tuple("003-index", List.of("created index users_email_idx")),
					org.assertj.core.api.Assertions.tuple("004-comment", List.of("commented on the table")));
		assertThat(provenance.migrations().get(3).state()).isEqualTo("pending");
		assertThat(provenance.columns()).containsExactly(
				org.assertj.core.api.Assertions.entry("id", List.of(new ColumnTouch("001-create-users", "created"))),
				org.assertj.core.api.Assertions.entry("email",
						List.of(new ColumnTouch("001-create-users", "created"),
								new ColumnTouch("002-add-bio", "changed"))),
				org.assertj.core.api.Assertions.entry("score", List.of(new ColumnTouch("001-create-users", "created"))),
				org.assertj.core.api.Assertions.entry("bio", List.of(new ColumnTouch("002-add-bio", "added"))));
	}

	@Test
	void followsRenamesOfTheTableAndOfColumnsBackToTheOldNames() {
		List<Source> sources = List.of(applied("001-people", "CREATE TABLE people (id int, mail text);"),
				applied("002-rename",
						"ALTER TABLE people RENAME COLUMN mail TO email;" + "\nALTER TABLE people RENAME TO users;"),
				applied("003-other-schema", "ALTER TABLE other.users ADD COLUMN email text;"));

		TableProvenance provenance = TableProvenanceOf.users(sources, "id", "email");

		assertThat(provenance.migrations()).extracting(Touch::migrationId).containsExactly("001-people", "002-rename");
		assertThat(provenance.migrations().get(1).actions()).containsExactly("renamed column mail to email",
				"renamed the table from people");
		assertThat(provenance.columns().get("email")).containsExactly(new ColumnTouch("001-people", "created"),
				new ColumnTouch("002-rename", "renamed"));
	}

	@Test
	void quotedMixedCaseNamesMatchOnlyWhenQuotedAlike() {
		List<Source> sources = List.of(applied("001", "CREATE TABLE \"Order Items\" (\"Line No\" int, qty int);"),
				applied("002", "ALTER TABLE order_items ADD COLUMN \"Line No\" int;"));

		TableProvenance provenance = Provenance.of("public", "Order Items", List.of("Line No", "qty"), sources);

		assertThat(provenance.migrations()).extracting(Touch::migrationId).containsExactly("001");
		assertThat(provenance.columns().get("Line No")).containsExactly(new ColumnTouch("001", "created"));
	}

	@Test
	void aColumnNoMigrationMentionsHasNoHistory() {
		TableProvenance provenance = TableProvenanceOf.users(List.of(applied("001", "CREATE TABLE users (id int);")),
				"id", "added_by_hand");

		assertThat(provenance.columns().get("added_by_hand")).isEmpty();
	}

	private static Source applied(String id, String sql) {
		return new Source(id, "applied", Optional.of(AT), sql);
	}

	private static final class TableProvenanceOf {

		static TableProvenance users(List<Source> sources, String... columns) {
			return Provenance.of("public", "users", List.of(columns), sources);
		}

	}

}
