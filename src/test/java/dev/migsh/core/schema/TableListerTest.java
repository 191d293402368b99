package dev.migsh.core.schema;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(FreshDatabase.class)
class TableListerTest {

	@Test
	void listsUserRelationsBySchemaAndNameWithoutSystemOrHistorySchemas(TestDatabase db) {
		RichSchema.load(db);
		db.jdbc().execute("CREATE SCHEMA migsh; CREATE TABLE migsh.history (id integer)");
		db.jdbc().execute("CREATE SCHEMA \"Zoo\"; CREATE TABLE \"Zoo\".\"Big Cats\" (id integer)");

		var tables = new TableLister(db.dataSource(), Set.of("migsh")).list();

		assertThat(tables).extracting(TableSummary::schema)
			.doesNotContain("migsh", "pg_catalog", "information_schema", "pg_toast");
		assertThat(tables).extracting(TableSummary::schema, TableSummary::name, TableSummary::kind)
			.containsExactly(tuple("Zoo", "Big Cats", RelationKind.TABLE),
					tuple("public", "MixedCase", RelationKind.TABLE),
					tuple("public", "Order Items", RelationKind.TABLE),
					tuple("public", "active_users", RelationKind.VIEW), tuple("public", "bookings", RelationKind.TABLE),
					tuple("public", "cars", RelationKind.TABLE), tuple("public", "dupes", RelationKind.TABLE),
					tuple("public", "measurements", RelationKind.PARTITIONED_TABLE),
					tuple("public", "measurements_2024", RelationKind.TABLE),
					tuple("public", "measurements_2025", RelationKind.TABLE),
					tuple("public", "measurements_other", RelationKind.TABLE),
					tuple("public", "order_totals", RelationKind.MATERIALIZED_VIEW),
					tuple("public", "orders", RelationKind.TABLE), tuple("public", "users", RelationKind.TABLE),
					tuple("public", "vehicles", RelationKind.TABLE), tuple("sales", "leads", RelationKind.TABLE));
	}

	@Test
	void reportsRowEstimatesAndSizesSummedOverPartitions(TestDatabase db) {
		RichSchema.load(db);
		db.jdbc()
			.execute("INSERT INTO measurements SELECT g, date '2024-03-01' + g % 500, g"
					+ " FROM generate_series(1, 1000) g");
		db.jdbc().execute("ANALYZE measurements");

		var byName = new TableLister(db.dataSource(), Set.of()).list();
		TableSummary parent = byName.stream().filter((t) -> t.name().equals("measurements")).findFirst().orElseThrow();
		TableSummary dupes = byName.stream().filter((t) -> t.name().equals("dupes")).findFirst().orElseThrow();
		TableSummary view = byName.stream().filter((t) -> t.name().equals("active_users")).findFirst().orElseThrow();

		assertThat(parent.rowEstimate()).isEqualTo(1000);
		assertThat(parent.sizeBytes()).isGreaterThan(8192 * 3);
		assertThat(dupes.rowEstimate()).isEqualTo(3);
		assertThat(view.rowEstimate()).isEqualTo(-1);
		assertThat(view.sizeBytes()).isZero();
	}

	@Test
	void namesAreReadyToTypeAfterDescribe(TestDatabase db) {
		RichSchema.load(db);
		db.jdbc()
			.execute("CREATE SCHEMA \"Zoo\"; CREATE TABLE \"Zoo\".\"Big Cats\" (id integer);"
					+ " CREATE TABLE sales.users (id integer)");
		TableLister lister = new TableLister(db.dataSource(), Set.of());

		assertThat(lister.names())
			.contains("users", "orders", "public.\"Order Items\"", "public.\"MixedCase\"", "sales.leads",
					"\"Zoo\".\"Big Cats\"", "sales.users")
			.doesNotContain("leads", "\"Order Items\"");
		TableDescriber describer = new TableDescriber(db.dataSource());
		for (String name : lister.names()) {
			assertThat(describer.describe(name).name()).as(name).isNotBlank();
		}
	}

}
