package dev.migsh.core.schema;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.core.schema.SchemaDifference.Kind;
import dev.migsh.core.schema.SchemaDifference.PropertyChange;
import dev.migsh.core.schema.SchemaObject.ObjectType;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(FreshDatabase.class)
class SchemaDiffTest {

	@Test
	void findsNoDifferenceBetweenTwoReadsOfTheSameSchema(TestDatabase db) {
		RichSchema.load(db);

		SchemaSnapshot first = SchemaSnapshot.read(db.dataSource(), Set.of());
		SchemaSnapshot second = SchemaSnapshot.read(db.dataSource(), Set.of());

		assertThat(SchemaDiff.compare(first, second)).isEmpty();
		assertThat(first).isEqualTo(second);
	}

	@Test
	void snapshotsEveryKindOfObjectButNotExcludedSchemas(TestDatabase db) {
		RichSchema.load(db);
		db.jdbc().execute("CREATE SCHEMA migsh; CREATE TABLE migsh.history (id integer)");

		SchemaSnapshot snapshot = SchemaSnapshot.read(db.dataSource(), Set.of("migsh"));

		assertThat(snapshot.ofType(ObjectType.SCHEMA)).extracting(SchemaObject::name)
			.containsExactly("public", "sales");
		assertThat(snapshot.find(ObjectType.EXTENSION, "plpgsql")).isPresent();
		assertThat(snapshot.find(ObjectType.TYPE, "public.mood").orElseThrow().property("labels"))
			.isEqualTo("'sad', 'ok', 'happy'");
		assertThat(snapshot.find(ObjectType.TYPE, "public.positive_int").orElseThrow().properties())
			.containsEntry("kind", "domain")
			.containsEntry("base_type", "integer")
			.containsEntry("constraints", "CHECK (VALUE > 0)");
		assertThat(snapshot.find(ObjectType.TYPE, "public.address").orElseThrow().property("attributes"))
			.isEqualTo("street text, city text");
		assertThat(snapshot.find(ObjectType.SEQUENCE, "public.bookings_id_seq").orElseThrow().property("owned_by"))
			.isEqualTo("public.bookings.id");
		assertThat(snapshot.find(ObjectType.TABLE, "public.measurements").orElseThrow().property("partition_key"))
			.isEqualTo("RANGE (taken_on)");
		assertThat(snapshot.find(ObjectType.COLUMN, "public.\"Order Items\".\"Line No\"").orElseThrow().properties())
			.containsEntry("type", "integer")
			.containsEntry("not_null", "true")
			.containsEntry("position", "1");
		assertThat(snapshot.find(ObjectType.COLUMN, "public.users.full_name").orElseThrow().property("generated"))
			.contains("first_name");
		assertThat(snapshot.find(ObjectType.CONSTRAINT, "public.orders.orders_user_id_fkey")
			.orElseThrow()
			.property("definition")).isEqualTo("FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE");
		assertThat(snapshot.find(ObjectType.INDEX, "public.dupes_n_idx").orElseThrow().property("valid"))
			.isEqualTo("false");
		assertThat(snapshot.find(ObjectType.VIEW, "public.order_totals").orElseThrow().property("kind"))
			.isEqualTo("materialized view");
		assertThat(snapshot.find(ObjectType.FUNCTION, "public.touch_order()").orElseThrow().property("definition"))
			.contains("coalesce(NEW.status, 'new')");
		assertThat(snapshot.find(ObjectType.TRIGGER, "public.orders.orders_audit").orElseThrow().property("enabled"))
			.isEqualTo("disabled");
		assertThat(snapshot.find(ObjectType.POLICY, "public.orders.orders_owner").orElseThrow().property("roles"))
			.isEqualTo("postgres");
		assertThat(snapshot.objects()).extracting(SchemaObject::name).noneMatch((n) -> n.startsWith("migsh."));
	}

	@Test
	void findsAHandAddedColumnADroppedIndexAndAChangedDefault(TestDatabase db) {
		RichSchema.load(db);
		SchemaSnapshot before = SchemaSnapshot.read(db.dataSource(), Set.of());
		db.jdbc().execute("ALTER TABLE users ADD COLUMN bio text");
		db.jdbc().execute("DROP INDEX users_lower_email_idx");
		db.jdbc().execute("ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending'");

		List<SchemaDifference> differences = SchemaDiff.compare(before, SchemaSnapshot.read(db.dataSource(), Set.of()));

		assertThat(differences).extracting(SchemaDifference::type, SchemaDifference::name, SchemaDifference::kind)
			.containsExactly(tuple(ObjectType.COLUMN, "public.orders.status", Kind.CHANGED),
					tuple(ObjectType.COLUMN, "public.users.bio", Kind.ONLY_IN_B),
					tuple(ObjectType.INDEX, "public.users_lower_email_idx", Kind.ONLY_IN_A));
		assertThat(differences.get(0).changes())
			.containsExactly(new PropertyChange("default", "'new'::text", "'pending'::text"));
		assertThat(differences).extracting(SchemaDifference::describe)
			.containsExactly("changed: column public.orders.status default: 'new'::text in a, 'pending'::text in b",
					"column public.users.bio: in b, not in a", "index public.users_lower_email_idx: in a, not in b");
	}

	@Test
	void reportsAMissingTableOnceNotEachOfItsParts(TestDatabase db) {
		RichSchema.load(db);
		SchemaSnapshot before = SchemaSnapshot.read(db.dataSource(), Set.of());
		db.jdbc().execute("CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)");

		List<SchemaDifference> differences = SchemaDiff.compare(SchemaSnapshot.read(db.dataSource(), Set.of()), before);

		assertThat(differences).extracting(SchemaDifference::describe)
			.containsExactly("table public.notes: in a, not in b");
	}

	@Test
	void comparesTwoDatabasesBuiltTheSameWayAsEqual(TestDatabase db) {
		RichSchema.load(db);
		try (TestDatabase other = dev.migsh.testing.TestPostgres.createDatabase()) {
			RichSchema.load(other);

			assertThat(SchemaDiff.compare(SchemaSnapshot.read(db.dataSource(), Set.of()),
					SchemaSnapshot.read(other.dataSource(), Set.of())))
				.isEmpty();
		}
	}

}
