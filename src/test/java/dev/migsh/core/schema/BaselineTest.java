package dev.migsh.core.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.core.MigshException;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(FreshDatabase.class)
class BaselineTest {

	private static final Set<String> MIGSH = Set.of("migsh");

	@Test
	void baselineOfTheRichSchemaRebuildsEveryObject(TestDatabase db) {
		RichSchema.load(db);
		RichSchema.loadExtras(db);

		BaselineScript script = Baseline.generate(db.dataSource(), MIGSH);
		BaselineProof proof = prove(db, script);

		assertThat(proof.describe()).isEmpty();
		assertThat(proof.proven()).isTrue();
		assertThat(proof.objects()).isGreaterThan(200);
		assertThat(proof.scratch()).startsWith("database migsh_scratch_").endsWith("on the same server");
	}

	@Test
	void dropsTheScratchDatabaseAfterTheProof(TestDatabase db) {
		RichSchema.load(db);

		prove(db, Baseline.generate(db.dataSource(), MIGSH));

		assertThat(db.jdbc()
			.queryForList("SELECT datname FROM pg_database WHERE datname LIKE 'migsh\\_scratch\\_%'", String.class))
			.isEmpty();
	}

	@Test
	void writesEachKindOfObjectInDependencyOrder(TestDatabase db) {
		RichSchema.load(db);
		RichSchema.loadExtras(db);

		String sql = Baseline.generate(db.dataSource(), MIGSH).upSql();

		assertThat(sql).startsWith("SET LOCAL check_function_bodies = false;");
		// a function used in a default and a CHECK comes before the table; one returning
		// the
		// table's rows comes after it; the sequence a default uses comes before, owned by
		// it after
		assertThat(sql.indexOf("FUNCTION \"Billing\".next_number()"))
			.isLessThan(sql.indexOf("CREATE TABLE \"Billing\".\"Invoices\""));
		assertThat(sql.indexOf("CREATE TABLE \"Billing\".\"Invoices\""))
			.isLessThan(sql.indexOf("FUNCTION public.invoices_of"));
		assertThat(sql.indexOf("CREATE SEQUENCE \"Billing\".invoice_seq"))
			.isLessThan(sql.indexOf("CREATE TABLE \"Billing\".\"Invoices\""));
		assertThat(sql.indexOf("ALTER SEQUENCE \"Billing\".invoice_seq OWNED BY \"Billing\".\"Invoices\".id"))
			.isGreaterThan(sql.indexOf("CREATE TABLE \"Billing\".\"Invoices\""));
		assertThat(sql.indexOf("CREATE VIEW public.big_open"))
			.isGreaterThan(sql.indexOf("CREATE VIEW \"Billing\".\"Open Invoices\""));
		assertThat(sql.indexOf("CREATE TABLE public.cars")).isGreaterThan(sql.indexOf("CREATE TABLE public.vehicles"));
		assertThat(sql.indexOf("-- Foreign keys")).isGreaterThan(sql.indexOf("-- Indexes of partitions attached"));
		assertThat(sql).contains("CREATE TABLE public.events_us PARTITION OF public.events (")
			.contains("ALTER INDEX public.events_pkey ATTACH PARTITION public.events_us_pkey;")
			.contains("ALTER TABLE public.orders DISABLE TRIGGER orders_audit;")
			.contains(
					"COMMENT ON COLUMN \"Billing\".\"Invoices\".\"Mixed Case\" IS 'A quoted column; it''s commented';")
			.doesNotContain("float_range(double precision, double precision)")
			.doesNotContain("dupes_n_idx");
	}

	@Test
	void leavesOutAnInvalidIndexAndSaysSo(TestDatabase db) {
		RichSchema.load(db);

		BaselineScript script = Baseline.generate(db.dataSource(), MIGSH);

		assertThat(script.leftOut()).singleElement().asString().contains("public.dupes_n_idx").contains("INVALID");
		assertThat(prove(db, script).proven()).isTrue();
	}

	@Test
	void recreatesForeignDataWrappersServersMappingsAndForeignTablesWithoutPasswords(TestDatabase db) {
		RichSchema.load(db);
		db.jdbc().execute("CREATE EXTENSION file_fdw");
		db.jdbc().execute("CREATE FOREIGN DATA WRAPPER plain_wrapper OPTIONS (debug 'true')");
		db.jdbc().execute("CREATE SERVER files FOREIGN DATA WRAPPER file_fdw");
		db.jdbc().execute("CREATE SERVER elsewhere TYPE 'x' VERSION '1' FOREIGN DATA WRAPPER plain_wrapper");
		db.jdbc().execute("CREATE USER MAPPING FOR postgres SERVER elsewhere OPTIONS (user 'app', password 'secret')");
		db.jdbc()
			.execute("CREATE FOREIGN TABLE imports (line text OPTIONS (force_not_null 'true') NOT NULL)"
					+ " SERVER files OPTIONS (filename '/dev/null')");
		db.jdbc().execute("CREATE VIEW import_lines AS SELECT line FROM imports");

		BaselineScript script = Baseline.generate(db.dataSource(), MIGSH);

		assertThat(script.upSql()).contains("CREATE EXTENSION IF NOT EXISTS file_fdw WITH SCHEMA public VERSION '1.0';")
			.contains("CREATE SERVER elsewhere TYPE 'x' VERSION '1' FOREIGN DATA WRAPPER plain_wrapper;")
			.contains("CREATE USER MAPPING FOR postgres SERVER elsewhere OPTIONS (\"user\" 'app');")
			.contains("CREATE FOREIGN TABLE public.imports (\n    line text OPTIONS (force_not_null 'true') NOT NULL\n)"
					+ "\nSERVER files OPTIONS (filename '/dev/null');")
			.doesNotContain("secret");
		assertThat(script.leftOut()).anySatisfy((l) -> assertThat(l).contains("elsewhere").contains("password"));
		assertThat(prove(db, script).describe()).isEmpty();
	}

	@Test
	void recreatesAggregatesOperatorsCastsCollationsTextSearchAndEventTriggers(TestDatabase db) {
		dev.migsh.testing.TestPostgres.assumeAtLeast(14, "column COMPRESSION in support-objects.sql");
		RichSchema.loadResource(db, "support-objects.sql");

		BaselineScript script = Baseline.generate(db.dataSource(), MIGSH);
		BaselineProof proof = prove(db, script);

		assertThat(script.leftOut()).isEmpty();
		assertThat(script.upSql()).contains(
				"CREATE AGGREGATE public.group_concat(text) (SFUNC = public.concat_step, STYPE = text, INITCOND = '')",
				"CREATE OPERATOR public.~=~ (FUNCTION = public.same_length, LEFTARG = text, RIGHTARG = text,"
						+ " COMMUTATOR = OPERATOR(public.~=~))",
				"CREATE COLLATION public.bytewise (PROVIDER = libc, LC_COLLATE = 'C', LC_CTYPE = 'C')",
				"ALTER TEXT SEARCH CONFIGURATION public.plain ADD MAPPING FOR asciiword WITH public.english_simple",
				"CREATE CAST (public.temperature AS numeric) WITH FUNCTION public.temperature_degrees(public.temperature)"
						+ " AS ASSIGNMENT",
				"ALTER EVENT TRIGGER note_ddl DISABLE",
				"ALTER TABLE ONLY public.blobs ALTER COLUMN body SET STORAGE EXTERNAL",
				"ALTER TABLE ONLY public.blobs ALTER COLUMN data SET COMPRESSION pglz",
				"ALTER TABLE ONLY public.blobs ALTER COLUMN kind SET STATISTICS 500",
				"CREATE PUBLICATION film_changes WITH (publish = 'insert, update', publish_via_partition_root = false)",
				"ALTER PUBLICATION film_changes ADD TABLE ONLY public.films",
				"CREATE PUBLICATION everything FOR ALL TABLES WITH",
				"ALTER TABLE public.blobs OWNER TO migsh_test_owner",
				"GRANT INSERT, SELECT ON TABLE public.films TO migsh_test_reader WITH GRANT OPTION",
				"GRANT UPDATE (title) ON TABLE public.films TO migsh_test_reader",
				"REVOKE ALL ON FUNCTION public.same_length(text, text) FROM PUBLIC",
				"ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT ON TABLES TO migsh_test_reader",
				"ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON FUNCTIONS FROM PUBLIC");
		assertThat(proof.describe()).isEmpty();
		assertThat(proof.proven()).isTrue();
	}

	@Test
	void countsAnOperatorClassItCannotRecreateAgainstTheProof(TestDatabase db) {
		db.jdbc()
			.execute("CREATE OPERATOR CLASS int4_plain FOR TYPE integer USING btree AS OPERATOR 1 <, "
					+ "OPERATOR 3 =, FUNCTION 1 btint4cmp(integer, integer)");

		BaselineScript script = Baseline.generate(db.dataSource(), MIGSH);
		BaselineProof proof = prove(db, script);

		assertThat(script.leftOut()).contains(
				"operator class public.int4_plain for access method btree: not recreated by a baseline; add it to the file by hand");
		assertThat(proof.notRecreated()).contains("operator class public.int4_plain for access method btree");
		assertThat(proof.proven()).isFalse();
	}

	@Test
	void proofReportsEveryObjectTheScriptDoesNotRebuild(TestDatabase db) {
		RichSchema.load(db);
		BaselineScript complete = Baseline.generate(db.dataSource(), MIGSH);
		BaselineScript incomplete = new BaselineScript(complete.parts()
			.stream()
			.map((p) -> new BaselineScript.Part(p.heading(),
					p.statements().stream().filter((s) -> !s.contains("users_lower_email_idx")).toList()))
			.toList(), complete.leftOut(), complete.notes(), complete.skipped());

		BaselineProof proof = prove(db, incomplete);

		assertThat(proof.proven()).isFalse();
		assertThat(proof.describe())
			.containsExactly("index public.users_lower_email_idx: in the database, not in the baseline");
	}

	@Test
	void acceptsAVarcharInListCheckAsPostgresReparsesItButNotAChangedOne(TestDatabase db) {
		db.jdbc()
			.execute("CREATE TABLE users (role varchar(20) CHECK (role IN ('student', 'admin')),"
					+ " kind varchar(20) CHECK (kind IN ('a', 'b')))");
		db.jdbc().execute("CREATE INDEX users_staff_idx ON users (role) WHERE role IN ('admin', 'staff')");
		BaselineScript complete = Baseline.generate(db.dataSource(), MIGSH);
		BaselineScript changed = new BaselineScript(complete.parts()
			.stream()
			.map((p) -> new BaselineScript.Part(p.heading(),
					p.statements()
						.stream()
						.map((s) -> s.replace("'b'::character varying", "'c'::character varying"))
						.toList()))
			.toList(), complete.leftOut(), complete.notes(), complete.skipped());

		BaselineProof proof = prove(db, changed);

		assertThat(proof.reparsed()).hasSize(2)
			.anySatisfy((l) -> assertThat(l).startsWith("constraint public.users.users_role_check"))
			.anySatisfy((l) -> assertThat(l).startsWith("index public.users_staff_idx"));
		assertThat(proof.describe()).singleElement()
			.asString()
			.startsWith("changed: constraint public.users.users_kind_check");
	}

	@Test
	void aStatementThatFailsInTheScratchDatabaseIsReportedWithItsLine(TestDatabase db) {
		BaselineScript broken = new BaselineScript(
				List.of(new BaselineScript.Part("Tables",
						List.of("CREATE TABLE t (id integer)", "CREATE TABLE t (id integer)"))),
				List.of(), List.of(), Set.of());

		assertThatThrownBy(() -> prove(db, broken)).isInstanceOf(MigshException.class)
			.hasMessageContaining("baseline.sql:5:1")
			.hasMessageContaining("relation \"t\" already exists");
		assertThat(db.jdbc()
			.queryForList("SELECT datname FROM pg_database WHERE datname LIKE 'migsh\\_scratch\\_%'", String.class))
			.isEmpty();
	}

	private static BaselineProof prove(TestDatabase db, BaselineScript script) {
		return Baseline.prove(script, Path.of("baseline.sql"), 1, db.dataSource(), MIGSH, TestConnector.of(db));
	}

}
