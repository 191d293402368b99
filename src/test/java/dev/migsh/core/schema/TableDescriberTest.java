package dev.migsh.core.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.core.schema.ColumnInfo.Generation;
import dev.migsh.core.schema.ColumnInfo.Identity;
import dev.migsh.core.schema.TriggerInfo.Firing;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(FreshDatabase.class)
class TableDescriberTest {

	private TableDescription describe(TestDatabase db, String name) {
		RichSchema.load(db);
		return new TableDescriber(db.dataSource()).describe(name);
	}

	@Test
	void describesEveryKindOfColumn(TestDatabase db) {
		TableDescription users = describe(db, "users");

		assertThat(users.schema()).isEqualTo("public");
		assertThat(users.name()).isEqualTo("users");
		assertThat(users.kind()).isEqualTo(RelationKind.TABLE);
		assertThat(users.columns()).extracting(ColumnInfo::name)
			.containsExactly("id", "legacy_id", "email", "nickname", "first_name", "last_name", "full_name", "tags",
					"scores", "karma", "feeling", "home", "created_at", "price");
		assertThat(users.column("id")).hasValueSatisfying((c) -> {
			assertThat(c.type()).isEqualTo("integer");
			assertThat(c.identity()).isEqualTo(Identity.ALWAYS);
			assertThat(c.notNull()).isTrue();
		});
		assertThat(users.column("legacy_id").orElseThrow().identity()).isEqualTo(Identity.BY_DEFAULT);
		assertThat(users.column("email").orElseThrow().comment()).isEqualTo("Login address");
		assertThat(users.column("nickname").orElseThrow().collation()).isEqualTo("C");
		assertThat(users.column("email").orElseThrow().collation()).isNull();
		assertThat(users.column("full_name")).hasValueSatisfying((c) -> {
			assertThat(c.generation()).isEqualTo(Generation.STORED);
			assertThat(c.generatedExpression()).contains("first_name").contains("last_name");
			assertThat(c.defaultExpression()).isNull();
		});
		assertThat(users.columns()).extracting(ColumnInfo::name, ColumnInfo::type, ColumnInfo::defaultExpression)
			.contains(tuple("tags", "text[]", "'{}'::text[]"), tuple("scores", "integer[]", null),
					tuple("karma", "positive_int", "1"), tuple("feeling", "mood", "'ok'::mood"),
					tuple("home", "address", null), tuple("created_at", "timestamp with time zone", "now()"),
					tuple("price", "numeric(10,2)", "0"));
		assertThat(users.comment()).isEqualTo("People who sign in");
	}

	@Test
	void describesPrimaryUniquePartialAndExpressionIndexes(TestDatabase db) {
		TableDescription users = describe(db, "users");

		assertThat(users.indexes()).extracting(IndexInfo::name)
			.containsExactly("users_pkey", "users_active_idx", "users_email_key", "users_lower_email_idx");
		IndexInfo pkey = users.index("users_pkey").orElseThrow();
		assertThat(pkey.primary()).isTrue();
		assertThat(pkey.constraintType()).isEqualTo(ConstraintType.PRIMARY_KEY);
		assertThat(pkey.methodAndColumns()).isEqualTo("btree (id)");
		IndexInfo email = users.index("users_email_key").orElseThrow();
		assertThat(email.unique()).isTrue();
		assertThat(email.constraintType()).isEqualTo(ConstraintType.UNIQUE);
		assertThat(users.index("users_lower_email_idx").orElseThrow().definition()).contains("lower(email)");
		assertThat(users.index("users_active_idx").orElseThrow().definition()).endsWith("WHERE karma::integer > 10");
		assertThat(users.indexes()).allMatch(IndexInfo::valid);
		assertThat(users.uniqueAndPrimary()).extracting(ConstraintInfo::name, ConstraintInfo::type)
			.containsExactly(tuple("users_email_key", ConstraintType.UNIQUE),
					tuple("users_pkey", ConstraintType.PRIMARY_KEY));
	}

	@Test
	void reportsAnIndexLeftInvalidByAFailedConcurrentBuild(TestDatabase db) {
		TableDescription dupes = describe(db, "dupes");

		IndexInfo index = dupes.index("dupes_n_idx").orElseThrow();
		assertThat(index.valid()).isFalse();
		assertThat(index.unique()).isTrue();
		assertThat(dupes.rowEstimate()).isEqualTo(3);
		assertThat(dupes.sizeBytes()).isPositive();
	}

	@Test
	void describesChecksIncludingNotValidOnes(TestDatabase db) {
		TableDescription users = describe(db, "users");

		assertThat(users.checks())
			.extracting(ConstraintInfo::name, ConstraintInfo::definition, ConstraintInfo::validated)
			.containsExactly(tuple("users_nickname_check", "CHECK (length(nickname) < 40) NOT VALID", false),
					tuple("users_price_check", "CHECK (price >= 0::numeric)", true));
	}

	@Test
	void describesForeignKeysBothWays(TestDatabase db) {
		RichSchema.load(db);
		TableDescriber describer = new TableDescriber(db.dataSource());

		TableDescription orders = describer.describe("orders");
		assertThat(orders.foreignKeys()).singleElement().satisfies((fk) -> {
			assertThat(fk.name()).isEqualTo("orders_user_id_fkey");
			assertThat(fk.definition()).isEqualTo("FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE");
			assertThat(fk.isInherited()).isFalse();
		});
		TableDescription users = describer.describe("users");
		assertThat(users.referencedBy()).extracting(ReferencedBy::table, ReferencedBy::constraintName)
			.containsExactly(tuple("sales.leads", "leads_user_id_fkey"), tuple("orders", "orders_user_id_fkey"));
		assertThat(describer.describe("orders").referencedBy()).extracting(ReferencedBy::table)
			.containsExactly("\"Order Items\"");
	}

	@Test
	void describesExclusionConstraints(TestDatabase db) {
		TableDescription bookings = describe(db, "bookings");

		assertThat(bookings.exclusions()).singleElement().satisfies((x) -> {
			assertThat(x.name()).isEqualTo("bookings_no_overlap");
			assertThat(x.definition()).isEqualTo("EXCLUDE USING gist (during WITH &&)");
		});
		assertThat(bookings.index("bookings_no_overlap").orElseThrow().constraintType())
			.isEqualTo(ConstraintType.EXCLUSION);
		assertThat(bookings.column("id").orElseThrow().defaultExpression())
			.isEqualTo("nextval('bookings_id_seq'::regclass)");
	}

	@Test
	void describesTriggersAndPolicies(TestDatabase db) {
		TableDescription orders = describe(db, "orders");

		assertThat(orders.triggers()).extracting(TriggerInfo::name, TriggerInfo::firing)
			.containsExactly(tuple("orders_audit", Firing.DISABLED), tuple("orders_touch", Firing.ENABLED));
		assertThat(orders.triggers().get(1).clause())
			.isEqualTo("orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch_order()");
		assertThat(orders.rowSecurity()).isTrue();
		assertThat(orders.forceRowSecurity()).isFalse();
		assertThat(orders.policies())
			.extracting(PolicyInfo::name, PolicyInfo::permissive, PolicyInfo::command, PolicyInfo::roles,
					PolicyInfo::using, PolicyInfo::withCheck)
			.containsExactly(
					tuple("orders_insert", false, "INSERT", java.util.List.of(), null, "(total < (1000000)::numeric)"),
					tuple("orders_owner", true, "SELECT", java.util.List.of("postgres"), "(user_id > 0)", null));
	}

	@Test
	void describesAPartitionedTableAndItsPartitions(TestDatabase db) {
		RichSchema.load(db);
		TableDescriber describer = new TableDescriber(db.dataSource());

		TableDescription parent = describer.describe("measurements");
		assertThat(parent.kind()).isEqualTo(RelationKind.PARTITIONED_TABLE);
		assertThat(parent.partitioning().key()).isEqualTo("RANGE (taken_on)");
		assertThat(parent.partitioning().partitions())
			.extracting(PartitionInfo.Partition::name, PartitionInfo.Partition::bound)
			.containsExactly(tuple("measurements_2024", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"),
					tuple("measurements_2025", "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"),
					tuple("measurements_other", "DEFAULT"));
		assertThat(parent.inherits()).isEmpty();

		TableDescription partition = describer.describe("measurements_2024");
		assertThat(partition.kind()).isEqualTo(RelationKind.TABLE);
		assertThat(partition.partitioning().parent()).isEqualTo("measurements");
		assertThat(partition.partitioning().bound()).isEqualTo("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
		assertThat(partition.inherits()).isEmpty();
	}

	@Test
	void describesInheritanceBothWays(TestDatabase db) {
		RichSchema.load(db);
		TableDescriber describer = new TableDescriber(db.dataSource());

		assertThat(describer.describe("cars").inherits()).containsExactly("vehicles");
		assertThat(describer.describe("vehicles").inheritedBy()).containsExactly("cars");
		assertThat(describer.describe("cars").columns()).extracting(ColumnInfo::name)
			.containsExactly("id", "wheels", "doors");
	}

	@Test
	void describesViewsAndMaterializedViews(TestDatabase db) {
		RichSchema.load(db);
		TableDescriber describer = new TableDescriber(db.dataSource());

		TableDescription view = describer.describe("active_users");
		assertThat(view.kind()).isEqualTo(RelationKind.VIEW);
		assertThat(view.viewDefinition()).contains("SELECT").contains("FROM users").contains("karma::integer > 10");
		assertThat(view.columns()).extracting(ColumnInfo::name, ColumnInfo::type)
			.containsExactly(tuple("id", "integer"), tuple("email", "text"));

		TableDescription matview = describer.describe("order_totals");
		assertThat(matview.kind()).isEqualTo(RelationKind.MATERIALIZED_VIEW);
		// 13–15 qualify the column with its table when they print a view
		assertThat(matview.viewDefinition()).containsPattern("sum\\((orders\\.)?total\\)");
		assertThat(matview.indexes()).extracting(IndexInfo::name).containsExactly("order_totals_user_idx");
	}

	@Test
	void resolvesQuotedQualifiedAndMixedCaseNames(TestDatabase db) {
		RichSchema.load(db);
		TableDescriber describer = new TableDescriber(db.dataSource());

		TableDescription items = describer.describe("\"Order Items\"");
		assertThat(items.name()).isEqualTo("Order Items");
		assertThat(items.columns()).extracting(ColumnInfo::name).containsExactly("Line No", "order_id", "Quantity");
		assertThat(items.uniqueAndPrimary()).singleElement()
			.extracting(ConstraintInfo::definition)
			.isEqualTo("PRIMARY KEY (order_id, \"Line No\")");
		assertThat(describer.describe("\"MixedCase\"").name()).isEqualTo("MixedCase");
		assertThat(describer.describe("public.users").name()).isEqualTo("users");
		assertThat(describer.describe("PUBLIC.Users").name()).isEqualTo("users");
		assertThat(describer.describe("sales.leads").schema()).isEqualTo("sales");
		assertThatThrownBy(() -> describer.describe("MixedCase")).isInstanceOf(TableNotFoundException.class);
		assertThatThrownBy(() -> describer.describe("leads")).isInstanceOf(TableNotFoundException.class);
	}

	@Test
	void refusesRelationsThatAreNotTablesOrViews(TestDatabase db) {
		RichSchema.load(db);
		TableDescriber describer = new TableDescriber(db.dataSource());

		for (String name : new String[] { "users_pkey", "bookings_id_seq", "address" }) {
			assertThatThrownBy(() -> describer.describe(name)).as(name)
				.isInstanceOf(TableNotFoundException.class)
				.hasMessageContaining("No table, view or materialized view named '" + name + "'");
		}
	}

	@Test
	void saysWhatToDoWhenATableIsMissing(TestDatabase db) {
		RichSchema.load(db);

		assertThatThrownBy(() -> new TableDescriber(db.dataSource()).describe("customers"))
			.isInstanceOfSatisfying(TableNotFoundException.class, (ex) -> {
				assertThat(ex.getMessage()).isEqualTo("No table, view or materialized view named 'customers'.");
				assertThat(ex.hint()).contains("tables");
				assertThat(ex.requestedName()).isEqualTo("customers");
			});
	}

}
