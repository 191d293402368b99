package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migsh.core.catalog.Section;
import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.LintContext;
import dev.migsh.core.lint.Linter;
import dev.migsh.core.lint.Rule;
import dev.migsh.core.lint.Sections;

import static org.assertj.core.api.Assertions.assertThat;

/** For every rule: SQL that must trigger it and close SQL that must not. */
class RuleCasesTest {

	private static final Linter LINTER = new Linter();

	record Case(String ruleId, String triggering, String safe, boolean transactional, int serverVersion,
			boolean safeTransactional, int safeVersion) {

		Case asTransactional() {
			return new Case(this.ruleId, this.triggering, this.safe, true, this.serverVersion, true, this.safeVersion);
		}

		Case withSafeNonTransactional() {
			return new Case(this.ruleId, this.triggering, this.safe, this.transactional, this.serverVersion, false,
					this.safeVersion);
		}

		Case withSafeVersion(int version) {
			return new Case(this.ruleId, this.triggering, this.safe, this.transactional, this.serverVersion,
					this.safeTransactional, version);
		}

		@Override
		public String toString() {
			return this.ruleId + ": " + this.triggering.lines().reduce((a, b) -> a + " / " + b).orElse("");
		}

	}

	static Case tx(String id, String triggering, String safe) {
		return of(id, triggering, safe, true, 170004);
	}

	static Case noTx(String id, String triggering, String safe) {
		return of(id, triggering, safe, false, 170004);
	}

	static Case of(String id, String triggering, String safe, boolean transactional, int version) {
		return new Case(id, triggering, safe, transactional, version, transactional, version);
	}

	static List<Case> cases() {
		List<Case> c = new ArrayList<>();
		c.add(tx("DL-01", "DROP TABLE users;", "CREATE TABLE tmp (id int);\nDROP TABLE tmp;"));
		c.add(tx("DL-01", "DROP TABLE IF EXISTS public.users CASCADE;", "DROP VIEW users_view;"));
		c.add(tx("DL-02", "ALTER TABLE users DROP COLUMN email;", "ALTER TABLE users ADD COLUMN nickname text;"));
		c.add(tx("DL-02", "ALTER TABLE users ADD COLUMN a text, DROP COLUMN IF EXISTS b;",
				"CREATE TABLE t (id int, b text);\nALTER TABLE t DROP COLUMN b;"));
		c.add(tx("DL-03", "DROP SCHEMA billing CASCADE;", "CREATE SCHEMA billing;"));
		c.add(noTx("DL-04", "DROP DATABASE app;", "SELECT 1;"));
		c.add(tx("DL-05", "TRUNCATE orders CASCADE;", "CREATE TABLE staging (id int);\nTRUNCATE staging;"));
		c.add(tx("DL-06", "DELETE FROM sessions;", "DELETE FROM sessions WHERE expires_at < now();"));
		c.add(tx("DL-06", "UPDATE users SET active = true WHERE true;",
				"UPDATE users SET active = true WHERE id = 1;"));
		c.add(tx("DL-06", "WITH old AS (SELECT id FROM users WHERE id < 10) UPDATE users SET a = 1;",
				"WITH old AS (SELECT id FROM users) UPDATE users SET a = 1 WHERE id IN (SELECT id FROM old);"));
		c.add(tx("DL-07", "ALTER TABLE users ALTER COLUMN name TYPE varchar(20);",
				"ALTER TABLE users ALTER COLUMN name TYPE text;"));
		c.add(tx("DL-07", "ALTER TABLE users ALTER COLUMN id SET DATA TYPE integer;",
				"ALTER TABLE users ALTER COLUMN id TYPE bigint;"));
		c.add(tx("DL-07", "ALTER TABLE users ALTER COLUMN v TYPE text USING v::varchar(5);",
				"ALTER TABLE users ALTER COLUMN v TYPE text USING v::text;"));
		c.add(tx("DL-08", "DROP TYPE status CASCADE;", "DROP TYPE status;"));
		c.add(tx("DL-09", "ALTER TABLE orders DROP CONSTRAINT orders_user_fk;",
				"ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"));
		c.add(tx("DL-10", "ALTER SEQUENCE users_id_seq RESTART WITH 1;",
				"SELECT setval('users_id_seq', (SELECT max(id) FROM users));"));
		c.add(tx("DL-10", "SELECT setval('users_id_seq', 1);", "SELECT nextval('users_id_seq');"));
		c.add(tx("LK-01", "CREATE INDEX users_email_idx ON users (email);",
				"CREATE TABLE users2 (id int);\nCREATE INDEX users2_id ON users2 (id);"));
		c.add(noTx("LK-01", "CREATE UNIQUE INDEX users_email_idx ON ONLY public.users (email);",
				"CREATE INDEX CONCURRENTLY users_email_idx ON users (email);"));
		c.add(tx("LK-02", "DROP INDEX users_email_idx;",
				"CREATE INDEX scratch_idx ON scratch (a);\nDROP INDEX scratch_idx;"));
		c.add(noTx("LK-02", "DROP INDEX IF EXISTS users_email_idx;",
				"DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;"));
		c.add(noTx("LK-03", "REINDEX INDEX users_email_idx;", "REINDEX INDEX CONCURRENTLY users_email_idx;"));
		c.add(noTx("LK-03", "REINDEX (VERBOSE) TABLE users;", "REINDEX (VERBOSE) TABLE CONCURRENTLY users;"));
		c.add(tx("LK-04", "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();",
				"ALTER TABLE users ADD COLUMN score int DEFAULT 0;"));
		c.add(tx("LK-04", "ALTER TABLE users ADD COLUMN id2 bigserial;", "ALTER TABLE users ADD COLUMN id2 bigint;"));
		c.add(tx("LK-04", "ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS (a + 1) STORED;",
				"ALTER TABLE users ADD COLUMN seen timestamptz DEFAULT now();"));
		c.add(tx("LK-05", "ALTER TABLE users ALTER COLUMN age TYPE bigint;",
				"ALTER TABLE users ALTER COLUMN name TYPE text;"));
		c.add(tx("LK-06", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
				"ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL);\n"
						+ "ALTER TABLE users ALTER COLUMN email SET NOT NULL;"));
		c.add(tx("LK-07", "ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0);",
				"ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID;"));
		c.add(tx("LK-08",
				"ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);",
				"ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"));
		c.add(tx("LK-08", "ALTER TABLE orders ADD COLUMN user_id bigint REFERENCES users (id);",
				"CREATE TABLE orders2 (id int);\nALTER TABLE orders2 ADD COLUMN user_id bigint REFERENCES users (id);"));
		c.add(tx("LK-09", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
				"ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;"));
		c.add(tx("LK-10", "ALTER TABLE events ADD PRIMARY KEY (id);",
				"ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;"));
		c.add(tx("LK-11",
				"ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);",
				"ALTER TABLE bookings ADD CONSTRAINT room_positive CHECK (room > 0) NOT VALID;"));
		c.add(tx("LK-12",
				"ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID;\n"
						+ "ALTER TABLE users VALIDATE CONSTRAINT age_positive;",
				"ALTER TABLE users VALIDATE CONSTRAINT age_positive;"));
		c.add(noTx("LK-12",
				"ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID;\n"
						+ "ALTER TABLE users VALIDATE CONSTRAINT age_positive;",
				"ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID;\n"
						+ "ALTER TABLE users VALIDATE CONSTRAINT other;")
			.asTransactional());
		c.add(noTx("LK-13", "ALTER TABLE measurements DETACH PARTITION measurements_2020;",
				"ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;"));
		c.add(tx("LK-14",
				"ALTER TABLE measurements ATTACH PARTITION m2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
				"ALTER TABLE m2024 ADD CONSTRAINT m2024_bound CHECK (ts >= '2024-01-01' AND ts < '2025-01-01');\n"
						+ "ALTER TABLE measurements ATTACH PARTITION m2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"));
		c.add(noTx("LK-15", "VACUUM FULL users;", "VACUUM users;"));
		c.add(noTx("LK-15", "VACUUM (FULL, ANALYZE) users;", "VACUUM (FULL false) users;"));
		c.add(tx("LK-15", "CLUSTER users USING users_pkey;", "ALTER TABLE users CLUSTER ON users_pkey;"));
		c.add(tx("LK-16", "REFRESH MATERIALIZED VIEW daily_totals;",
				"REFRESH MATERIALIZED VIEW CONCURRENTLY daily_totals;"));
		c.add(tx("LK-17", "CREATE TRIGGER audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit();",
				"CREATE TABLE audit_log (id int);\n"
						+ "CREATE TRIGGER audit AFTER UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit();"));
		c.add(tx("LK-17", "ALTER TABLE users DISABLE TRIGGER audit;", "ALTER TABLE users ADD COLUMN x int;"));
		c.add(tx("LK-18", "ALTER TABLE users SET TABLESPACE fast_ssd;", "ALTER TABLE users SET (fillfactor = 90);"));
		c.add(tx("LK-18", "ALTER TABLE users SET UNLOGGED;", "CREATE UNLOGGED TABLE cache (k text);"));
		c.add(tx("LK-19", "LOCK TABLE users IN ACCESS EXCLUSIVE MODE;", "SELECT * FROM users FOR UPDATE;"));
		c.add(tx("LK-20",
				"ALTER TABLE users ADD COLUMN status text;\nUPDATE users SET status = 'active' WHERE status IS NULL;",
				"UPDATE users SET status = 'active' WHERE id < 1000;"));
		c.add(tx("LK-21", "CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);", "CREATE DOMAIN label AS text;"));
		c.add(tx("LK-21", "ALTER DOMAIN positive_int ADD CONSTRAINT p CHECK (VALUE > 0);",
				"ALTER DOMAIN positive_int ADD CONSTRAINT p CHECK (VALUE > 0) NOT VALID;"));
		c.add(tx("LK-22", "ALTER TABLE users ADD COLUMN a text;\nALTER TABLE orders ADD COLUMN b text;",
				"ALTER TABLE users ADD COLUMN a text;\nALTER TABLE users ADD COLUMN b text;"));
		c.add(of("LK-23", "CREATE INDEX CONCURRENTLY i ON users (email);",
				"CREATE INDEX CONCURRENTLY i ON users (email);", false, 140002)
			.withSafeVersion(140004));
		c.add(tx("BC-01", "ALTER TABLE users RENAME COLUMN name TO full_name;",
				"ALTER TABLE users RENAME CONSTRAINT a TO b;"));
		c.add(tx("BC-02", "ALTER TABLE users RENAME TO accounts;", "ALTER TABLE users RENAME name TO full_name;"));
		c.add(tx("BC-03", "ALTER SCHEMA billing RENAME TO invoicing;", "ALTER SCHEMA billing OWNER TO app;"));
		c.add(tx("BC-04", "ALTER TYPE status RENAME VALUE 'old' TO 'archived';",
				"ALTER TYPE status ADD VALUE 'archived' AFTER 'active';"));
		c.add(tx("BC-05", "ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;",
				"ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL DEFAULT 0;"));
		c.add(tx("BC-06", "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;",
				"ALTER TABLE users ALTER COLUMN email SET DEFAULT '';"));
		c.add(tx("BC-08", "DROP VIEW active_users;", "CREATE VIEW active_users AS SELECT * FROM users;"));
		c.add(tx("BC-08", "DROP FUNCTION IF EXISTS audit();", "CREATE OR REPLACE FUNCTION audit() RETURNS trigger "
				+ "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"));
		c.add(tx("BC-09", "ALTER TYPE status ADD VALUE 'archived';",
				"ALTER TYPE status ADD VALUE 'archived' AFTER 'active';"));
		c.add(tx("BC-10", "ALTER TABLE users ADD COLUMN prefs json;", "ALTER TABLE users ADD COLUMN prefs jsonb;"));
		c.add(tx("BC-10", "CREATE TABLE docs (id int, body json NOT NULL);",
				"CREATE TABLE docs (id int, json_body jsonb);"));
		c.add(tx("BC-11", "REVOKE SELECT ON users FROM reporting;", "GRANT SELECT ON users TO reporting;"));
		c.add(tx("BC-11", "ALTER TABLE users OWNER TO migrator;", "ALTER TABLE users ADD COLUMN owner text;"));
		c.add(tx("BC-12", "ALTER TABLE users ALTER COLUMN created_at DROP DEFAULT;",
				"ALTER TABLE users ALTER COLUMN created_at SET DEFAULT now();"));
		c.add(tx("TX-01", "CREATE INDEX CONCURRENTLY i ON users (email);", "CREATE INDEX i ON users (email);"));
		c.add(noTx("TX-01", "DROP INDEX CONCURRENTLY i;", "DROP INDEX CONCURRENTLY i;").asTransactional()
			.withSafeNonTransactional());
		c.add(of("TX-02", "ALTER TYPE status ADD VALUE 'archived';", "ALTER TYPE status ADD VALUE 'archived';", true,
				110000)
			.withSafeNonTransactional());
		c.add(tx("TX-03", "VACUUM ANALYZE users;", "ANALYZE users;"));
		c.add(tx("TX-03", "REINDEX SCHEMA app;", "REINDEX TABLE users;"));
		c.add(tx("TX-04", "BEGIN;\nALTER TABLE users ADD COLUMN a text;\nCOMMIT;",
				"ALTER TABLE users ADD COLUMN a text;"));
		c.add(noTx("TX-04", "BEGIN;\nUPDATE users SET a = 1 WHERE id = 1;",
				"BEGIN;\nUPDATE users SET a = 1 WHERE id = 1;\nCOMMIT;"));
		c.add(tx("TX-04", "ROLLBACK;", "DO $$ BEGIN PERFORM 1; END $$;"));
		c.add(noTx("TX-05", "CREATE INDEX CONCURRENTLY a ON users (a);\nCREATE INDEX CONCURRENTLY b ON users (b);",
				"CREATE INDEX CONCURRENTLY IF NOT EXISTS a ON users (a);\n"
						+ "CREATE INDEX CONCURRENTLY IF NOT EXISTS b ON users (b);"));
		c.add(tx("TX-07", "SET search_path = app;", "SET LOCAL search_path = app;"));
		c.add(noTx("TX-07", "SET ROLE migrator;\nALTER TABLE users ADD COLUMN a text;",
				"SET ROLE migrator;\nALTER TABLE users ADD COLUMN a text;\nRESET ROLE;"));
		c.add(tx("OP-01", "SET LOCAL lock_timeout = '1min';", "SET LOCAL lock_timeout = '2s';"));
		c.add(tx("OP-01", "SET LOCAL lock_timeout TO 0;", "SET LOCAL lock_timeout TO 1000;"));
		c.add(tx("OP-01", "SELECT set_config('lock_timeout', '30s', true);",
				"SELECT set_config('statement_timeout', '30s', true);"));
		c.add(tx("OP-04",
				"CREATE TABLE a_really_long_table_name_that_goes_on_and_on_well_past_the_sixty_three_limit (id int);",
				"CREATE TABLE short_name (id int);"));
		c.add(tx("OP-11", "ALTER ROLE app PASSWORD 'hunter2';",
				"ALTER ROLE app PASSWORD 'SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy';"));
		c.add(tx("OP-12", "-- migsh:allow DL-01\nDROP TABLE users;",
				"-- migsh:allow DL-01 because replaced by accounts in v3\nDROP TABLE users;"));
		c.add(tx("OP-12", "-- migsh:allow XX-99 because typo\nDROP TABLE users;",
				"/* migsh:allow DL-01, DL-02 because retired in v3 */\nDROP TABLE users;"));
		return c;
	}

	static Stream<Case> allCases() {
		return cases().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("allCases")
	void triggers(Case c) {
		assertThat(ids(lint(c.triggering(), c.transactional(), c.serverVersion()))).contains(c.ruleId());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("allCases")
	void staysQuietOnTheSafeForm(Case c) {
		assertThat(ids(lint(c.safe(), c.safeTransactional(), c.safeVersion()))).doesNotContain(c.ruleId());
	}

	@Test
	void everyRuleHasATriggeringAndASafeCase() {
		Set<String> covered = cases().stream().map(Case::ruleId).collect(Collectors.toCollection(TreeSet::new));
		Set<String> all = LINTER.rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
		assertThat(covered).isEqualTo(all);
		assertThat(all).hasSizeGreaterThanOrEqualTo(30);
	}

	static List<Finding> lint(String sql, boolean transactional, int version) {
		Section section = transactional ? Sections.transactional(sql) : Sections.nonTransactional(sql);
		return LINTER.lint(section, LintContext.forServer(version));
	}

	static List<String> ids(List<Finding> findings) {
		return findings.stream().map(Finding::ruleId).toList();
	}

}
