package dev.migsh.core.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.SqlSplitter;
import dev.migsh.core.schema.DriftItem.Kind;
import dev.migsh.core.schema.SchemaDifference.PropertyChange;
import dev.migsh.core.schema.SchemaObject.ObjectType;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(FreshDatabase.class)
class DriftTest {

	private static final Set<String> MIGSH = Set.of("migsh");

	@Test
	void findsNoDriftWhenTheDatabaseIsWhatTheMigrationsBuild(TestDatabase db) {
		List<Drift.Migration> migrations = applied(db);

		DriftReport report = Drift.check(db.dataSource(), migrations, MIGSH, TestConnector.of(db));

		assertThat(report.hasDrift()).isFalse();
		assertThat(report.replayed()).containsExactly("001-rich", "002-more");
	}

	@Test
	void findsAHandAddedColumnADroppedIndexAndAChangedDefaultWithTheirDdl(TestDatabase db) {
		List<Drift.Migration> migrations = applied(db);
		db.jdbc().execute("ALTER TABLE users ADD COLUMN bio text NOT NULL DEFAULT ''");
		db.jdbc().execute("DROP INDEX users_lower_email_idx");
		db.jdbc().execute("ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending'");

		DriftReport report = Drift.check(db.dataSource(), migrations, MIGSH, TestConnector.of(db));

		assertThat(report.items()).extracting(DriftItem::type, DriftItem::name, DriftItem::kind)
			.containsExactly(tuple(ObjectType.COLUMN, "public.orders.status", Kind.CHANGED),
					tuple(ObjectType.COLUMN, "public.users.bio", Kind.ONLY_IN_DATABASE),
					tuple(ObjectType.INDEX, "public.users_lower_email_idx", Kind.ONLY_IN_MIGRATIONS));
		DriftItem status = report.items().get(0);
		assertThat(status.changes()).containsExactly(new PropertyChange("default", "'pending'::text", "'new'::text"));
		assertThat(status.databaseDdl())
			.containsExactly("ALTER TABLE public.orders ADD COLUMN status text DEFAULT 'pending'::text NOT NULL");
		assertThat(status.migrationsDdl())
			.containsExactly("ALTER TABLE public.orders ADD COLUMN status text DEFAULT 'new'::text NOT NULL");
		assertThat(report.items().get(1).databaseDdl())
			.containsExactly("ALTER TABLE public.users ADD COLUMN bio text DEFAULT ''::text NOT NULL");
		assertThat(report.items().get(1).migrationsDdl()).isEmpty();
		assertThat(report.items().get(2).migrationsDdl())
			.containsExactly("CREATE INDEX users_lower_email_idx ON public.users USING btree (lower(email))");
		assertThat(report.items()).extracting(DriftItem::describe)
			.containsExactly(
					"changed: column public.orders.status default: 'pending'::text in the database, 'new'::text in the migrations",
					"column public.users.bio: in the database, not in the migrations",
					"index public.users_lower_email_idx: in the migrations, not in the database");
	}

	@Test
	void aFunctionChangedByHandIsShownAsAnAlignedDiffOfItsBody(TestDatabase db) {
		db.jdbc().execute("""
				CREATE FUNCTION public.total(a int, b int) RETURNS int LANGUAGE plpgsql AS $$
				DECLARE
				  s int;
				BEGIN
				  s := a + b;
				  RETURN s;
				END
				$$""");
		String migrated = """
				CREATE FUNCTION public.total(a int, b int) RETURNS int LANGUAGE plpgsql AS $$
				DECLARE
				  s int;
				BEGIN
				  s := a + b + 1;
				  RETURN s;
				END
				$$""";
		List<Drift.Migration> migrations = List.of(new Drift.Migration("001-total", migrated, true));

		DriftReport report = Drift.check(db.dataSource(), migrations, MIGSH, TestConnector.of(db));

		assertThat(report.items()).hasSize(1);
		DriftItem item = report.items().get(0);
		assertThat(item.describe())
			.isEqualTo("changed: function public.total(a integer, b integer) definition: differs (diff below)");
		assertThat(item.diff()).contains("-  s := a + b;", "+  s := a + b + 1;")
			.noneMatch((line) -> line.contains("DECLARE") && (line.startsWith("-") || line.startsWith("+")));
	}

	@Test
	void aHandMadeTableIsOneDifferenceWithItsCreateTable(TestDatabase db) {
		List<Drift.Migration> migrations = applied(db);
		db.jdbc().execute("CREATE TABLE notes (id integer PRIMARY KEY, body text)");

		DriftReport report = Drift.check(db.dataSource(), migrations, MIGSH, TestConnector.of(db));

		assertThat(report.items()).extracting(DriftItem::describe)
			.containsExactly("table public.notes: in the database, not in the migrations");
		assertThat(report.items().get(0).databaseDdl()).containsExactly(
				"CREATE TABLE public.notes (\n    id integer NOT NULL,\n    body text\n)",
				"ALTER TABLE ONLY public.notes ADD CONSTRAINT notes_pkey PRIMARY KEY (id)");
	}

	@Test
	void namesTheMigrationThatCannotBeReplayed(TestDatabase db) {
		List<Drift.Migration> migrations = List.of(new Drift.Migration("001-broken",
				"CREATE TABLE a (id integer);\n" + "ALTER TABLE missing ADD COLUMN x integer;", true));

		assertThatThrownBy(() -> Drift.check(db.dataSource(), migrations, MIGSH, TestConnector.of(db)))
			.isInstanceOf(MigshException.class)
			.hasMessageContaining("Replaying 001-broken failed in the scratch database at 001-broken:2:1")
			.hasMessageContaining("relation \"missing\" does not exist");
	}

	@Test
	void replaysAMigrationThatCannotRunInATransactionStatementByStatement(TestDatabase db) {
		List<Drift.Migration> migrations = List.of(
				new Drift.Migration("001-table", "CREATE TABLE t (id integer);", true),
				new Drift.Migration("002-index", "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);", false));
		migrations.forEach((m) -> db.jdbc().execute(m.sql()));

		assertThat(Drift.check(db.dataSource(), migrations, MIGSH, TestConnector.of(db)).hasDrift()).isFalse();
	}

	@Test
	void replaysInVersionOrderNotInTheOrderTheyWereRecorded(TestDatabase db) {
		List<Drift.Migration> recorded = List.of(new Drift.Migration("002-orders",
				"CREATE TABLE orders (id integer, user_id integer REFERENCES users);", true),
				new Drift.Migration("001-users", "CREATE TABLE users (id integer PRIMARY KEY);", true));
		db.jdbc().execute(recorded.get(1).sql());
		db.jdbc().execute(recorded.get(0).sql());

		DriftReport report = Drift.check(db.dataSource(), recorded, MIGSH, TestConnector.of(db));

		assertThat(report.replayed()).containsExactly("001-users", "002-orders");
		assertThat(report.outcome()).isEqualTo(DriftReport.Outcome.NO_DRIFT);
	}

	@Test
	void givesTheScratchDatabaseTheSchemasAndExtensionsNoMigrationCreatesAndListsThem(TestDatabase db) {
		db.jdbc().execute("CREATE SCHEMA auth");
		db.jdbc().execute("CREATE EXTENSION citext");
		List<Drift.Migration> migrations = List.of(new Drift.Migration("001-sessions",
				"CREATE TABLE auth.sessions (id integer, email citext);\nCREATE SCHEMA reports;", true));
		migrations.forEach((m) -> db.jdbc().execute(m.sql()));

		DriftReport report = Drift.check(db.dataSource(), migrations, MIGSH, TestConnector.of(db));

		assertThat(report.prerequisites()).containsExactly("CREATE SCHEMA IF NOT EXISTS auth",
				"CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public");
		assertThat(report.items()).extracting(DriftItem::describe).isEmpty();
	}

	@Test
	void aColumnAtAnotherPositionIsNotDriftButIsReportedApart(TestDatabase db) {
		List<Drift.Migration> migrations = List
			.of(new Drift.Migration("001-t", "CREATE TABLE t (a integer, b text, c integer);", true));
		db.jdbc().execute(migrations.get(0).sql());
		db.jdbc().execute("ALTER TABLE t DROP COLUMN b");
		db.jdbc().execute("ALTER TABLE t ADD COLUMN b text");

		DriftReport report = Drift.check(db.dataSource(), migrations, MIGSH, TestConnector.of(db));

		assertThat(report.hasDrift()).isFalse();
		assertThat(report.outcome()).isEqualTo(DriftReport.Outcome.NO_DRIFT);
		assertThat(report.orderDiffers()).containsExactly("public.t.b", "public.t.c");
	}

	@Test
	void aGrantMadeByHandIsDrift(TestDatabase db) {
		List<Drift.Migration> migrations = List.of(new Drift.Migration("001-t", "CREATE TABLE t (a integer);", true));
		db.jdbc().execute(migrations.get(0).sql());
		db.jdbc().execute("GRANT SELECT ON t TO PUBLIC");

		DriftReport report = Drift.check(db.dataSource(), migrations, MIGSH, TestConnector.of(db));

		assertThat(report.items()).extracting(DriftItem::name, DriftItem::kind)
			.containsExactly(tuple("TABLE public.t", Kind.CHANGED));
		assertThat(report.items().get(0).databaseDdl()).contains("GRANT SELECT ON TABLE public.t TO PUBLIC");
	}

	@Test
	void aMigrationThatCannotBeReplayedIsCouldNotCheckNotDrift(TestDatabase db) {
		List<Drift.Migration> migrations = List
			.of(new Drift.Migration("001-broken", "ALTER TABLE missing ADD COLUMN x integer;", true));

		DriftReport report = Drift.examine(db.dataSource(), migrations, MIGSH, TestConnector.of(db));

		assertThat(report.outcome()).isEqualTo(DriftReport.Outcome.COULD_NOT_CHECK);
		assertThat(report.hasDrift()).isFalse();
		assertThat(report.problem().message()).contains("001-broken:1:");
		assertThat(report.problem().hint()).isNotBlank();
	}

	/**
	 * Two migrations, run on the live database as migsh would have: the rich schema and
	 * the extras.
	 */
	private static List<Drift.Migration> applied(TestDatabase db) {
		dev.migsh.testing.TestPostgres.assumeAtLeast(14, "SQL-standard function bodies in baseline-extras.sql");
		List<Drift.Migration> migrations = List.of(new Drift.Migration("001-rich", resource("rich-schema.sql"), true),
				new Drift.Migration("002-more", resource("baseline-extras.sql"), true));
		for (Drift.Migration m : migrations) {
			for (var statement : SqlSplitter.split(m.sql(), Path.of(m.id()), 1)) {
				db.jdbc().execute(statement.sql());
			}
		}
		return migrations;
	}

	private static String resource(String name) {
		try (InputStream in = DriftTest.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
