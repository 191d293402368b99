package dev.migsh.core.corpus;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.core.MigrationFolder;
import dev.migsh.core.Migrator;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.SchemaSnapshot;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.MigrationResult;
import dev.migsh.core.apply.UndoRequest;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.MigrationFileException;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.UndoTarget;
import dev.migsh.core.schema.DatabaseConnector;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Folders written the way golang-migrate, Flyway, Go-template and dbmate projects write
 * them (src/test/resources/corpus) run through the engine as they are: apply all, undo
 * all, apply again, and the schema comes back the same.
 */
@ExtendWith(FreshDatabase.class)
class CorpusConformanceTest {

	private static final Path CORPUS = Path.of("src/test/resources/corpus");

	private static final Placeholders GO_TEMPLATE = Placeholders.NONE.withSyntax("{{ index .Options \"", "\" }}")
		.withValue("Namespace", "tenant_a");

	@Test
	void runsAGolangMigrateFolderWithEmptyFilesAndLoneConcurrentIndexes(TestDatabase db) {
		Migrator migrator = migrator(db, "golang-migrate", Placeholders.NONE);

		List<String> applied = roundTrip(db, migrator, "public");

		assertMentions(applied, "accounts_email_idx", "sessions_expires_at_idx", "account_status");
		MigrationFile index = migrator.catalog().find("000004_accounts_email_idx").orElseThrow();
		assertThat(index.up().transactional()).isFalse();
		assertThat(index.up().noTransactionReason())
			.hasValueSatisfying(reason -> assertThat(reason).startsWith(Section.SINGLE_NON_TRANSACTIONAL));
		assertThat(migrator.catalog().find("000002_reserved").orElseThrow().up().isEmpty()).isTrue();
	}

	@Test
	void runsAFlywayFolderWithSchemaPlaceholdersUndoFilesAndRepeatables(TestDatabase db) {
		Placeholders values = Placeholders.NONE.withValue("schema", "shop").withValue("shop_name", "Corner Shop");
		Migrator migrator = migrator(db, "flyway", values);

		List<String> applied = roundTrip(db, migrator, "shop");

		assertMentions(applied, "products_name_idx", "orders_product_id_idx");
		// the repeatables ran last, in name order, with one history row each
		assertThat(db.jdbc()
			.queryForList("SELECT migration_id FROM migsh.history ORDER BY installed_rank DESC LIMIT 2", String.class))
			.containsExactly("R__price_check", "R__order_totals");
		db.jdbc().update("INSERT INTO shop.products (name, price) VALUES ('tea', 2.50)");
		db.jdbc().update("INSERT INTO shop.orders (product_id, quantity) VALUES (1, 3)");
		assertThat(db.jdbc().queryForObject("SELECT public.shop_order_total(1)", java.math.BigDecimal.class))
			.isEqualByComparingTo("7.50");
		assertThat(db.jdbc().queryForObject("SELECT public.shop_price_ok(-1)", Boolean.class)).isFalse();
		assertThat(
				db.jdbc().queryForObject("SELECT obj_description('shop.products'::regclass, 'pg_class')", String.class))
			.isEqualTo("catalogue of Corner Shop, created by V1_1__products.sql");
		// the history keeps what the file says, not the values it ran with
		assertThat(db.jdbc()
			.queryForObject("SELECT up_sql FROM migsh.history WHERE migration_id = 'V1_1__products'", String.class))
			.contains("${schema}.products");
		// drift replays the history's text with the same values
		assertThat(migrator.drift(connector(db)).hasDrift()).isFalse();
	}

	@Test
	void runsAGoTemplateFolderWithTheTemplatePrefixAndSuffix(TestDatabase db) {
		Migrator migrator = migrator(db, "go-template", GO_TEMPLATE);

		List<String> applied = roundTrip(db, migrator, "tenant_a");

		assertMentions(applied, "events_created_at_idx", "events_kind_idx");
	}

	@Test
	void runsADbmateFolderWithAnEmptyMigration(TestDatabase db) {
		Migrator migrator = migrator(db, "dbmate", Placeholders.NONE);

		List<String> applied = roundTrip(db, migrator, "public");

		assertMentions(applied, "authors_slug_idx", "posts_author_id_idx");
	}

	@Test
	void refusesAGoTemplateFolderWithoutItsPrefixBeforeAnythingRuns(TestDatabase db) {
		Migrator migrator = migrator(db, "go-template", Placeholders.NONE.withValue("Namespace", "tenant_a"));

		assertThatThrownBy(this.apply(migrator)).isInstanceOfSatisfying(MigrationFileException.class, e -> {
			assertThat(e.getMessage()).contains("000001_namespace.up.sql:1:29", "template syntax {{");
			assertThat(e.hint()).contains("--placeholder-prefix");
		});
		assertThat(db.jdbc().queryForObject("SELECT to_regnamespace('migsh') IS NULL", Boolean.class)).isTrue();
	}

	@Test
	void refusesAFlywayFolderWithoutItsPlaceholderValuesNamingTheFirstOne(TestDatabase db) {
		Migrator migrator = migrator(db, "flyway", Placeholders.NONE.withValue("schema", "shop"));

		assertThatThrownBy(this.apply(migrator)).isInstanceOfSatisfying(MigrationFileException.class, e -> {
			assertThat(e.getMessage()).contains("V1_1__products.sql:7:", "${shop_name}", "has no value");
			assertThat(e.hint()).contains("--placeholder shop_name=VALUE", "MIGSH_PLACEHOLDER_shop_name");
		});
		assertThat(db.jdbc().queryForObject("SELECT to_regnamespace('shop') IS NULL", Boolean.class)).isTrue();
		assertThat(db.jdbc().queryForObject("SELECT to_regnamespace('migsh') IS NULL", Boolean.class)).isTrue();
	}

	private static DatabaseConnector connector(TestDatabase db) {
		return db.connector();
	}

	private static void assertMentions(List<String> schema, String... names) {
		for (String name : names) {
			assertThat(schema).as(name).anySatisfy(line -> assertThat(line).contains(name));
		}
	}

	private org.assertj.core.api.ThrowableAssert.ThrowingCallable apply(Migrator migrator) {
		return () -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
	}

	private static Migrator migrator(TestDatabase db, String folder, Placeholders placeholders) {
		MigratorConfig config = new MigrationFolder(CORPUS.resolve(folder)).config().withPlaceholders(placeholders);
		return new Migrator(db.dataSource(), config);
	}

	/**
	 * Applies every migration, undoes them all, applies them again; returns the schema
	 * after the first apply, having checked the second matches it.
	 */
	private static List<String> roundTrip(TestDatabase db, Migrator migrator, String schema) {
		int count = migrator.catalog().migrations().size();
		ApplyResult first = migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
		assertThat(first.applied()).hasSize(count);
		for (MigrationFile file : migrator.catalog().migrations()) {
			MigrationResult result = first.applied()
				.stream()
				.filter(r -> r.id().equals(file.id()))
				.findFirst()
				.orElseThrow();
			assertThat(result.statements()).as(file.id()).isEqualTo(file.up().statements().size());
		}
		assertThat(migrator.status().rows())
			.allSatisfy(row -> assertThat(row.state()).isEqualTo(MigrationState.APPLIED));
		List<String> afterFirst = SchemaSnapshot.of(db.jdbc(), schema);
		assertThat(afterFirst).isNotEmpty();

		long versioned = migrator.catalog().migrations().stream().filter(m -> !m.isRepeatable()).count();
		for (int i = 0; i < versioned; i++) {
			migrator.undo(UndoRequest.of(UndoTarget.latest()), ApplyListener.NONE, Cancellation.none());
		}
		// undo never runs a repeatable; going back to an empty history forgets their runs
		assertThat(migrator.status().rows()).filteredOn(row -> row.isRepeatable())
			.allSatisfy(row -> assertThat(row.state()).isEqualTo(MigrationState.APPLIED));
		migrator.undo(UndoRequest.of(UndoTarget.all()), ApplyListener.NONE, Cancellation.none());
		assertThat(migrator.status().rows())
			.allSatisfy(row -> assertThat(row.state()).isEqualTo(MigrationState.PENDING));
		assertThat(SchemaSnapshot.of(db.jdbc(), schema)).isEmpty();

		migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
		assertThat(SchemaSnapshot.of(db.jdbc(), schema)).isEqualTo(afterFirst);
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.history", Integer.class)).isEqualTo(count);
		return afterFirst;
	}

}
