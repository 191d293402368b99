package dev.migsh.core.plan;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsh.core.plan.StatementEffects.Effect;

import static org.assertj.core.api.Assertions.assertThat;

class StatementEffectsTest {

	private static List<String> effects(String sql) {
		return StatementEffects.of(sql)
			.effects()
			.stream()
			.map(e -> e.action() + " " + e.object().describe() + (e.guarded() ? " guarded" : "")
					+ (e.orReplace() ? " or-replace" : ""))
			.toList();
	}

	@Test
	void readsGuardsAndReplacementsOnCreates() {
		assertThat(effects("CREATE TABLE IF NOT EXISTS app.t (id int REFERENCES app.parent (id))"))
			.containsExactly("CREATE table app.t guarded", "USE table app.parent");
		assertThat(effects("CREATE OR REPLACE VIEW v AS SELECT 1")).containsExactly("CREATE view v or-replace");
		assertThat(effects("CREATE UNIQUE INDEX IF NOT EXISTS i ON ONLY app.t (id)"))
			.containsExactly("CREATE index i guarded", "USE table app.t");
		assertThat(effects("CREATE OR REPLACE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()"))
			.containsExactly("USE table t");
		assertThat(effects("CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql"))
			.containsExactly("CREATE function f");
		assertThat(effects("CREATE EXTENSION IF NOT EXISTS pgcrypto")).isEmpty();
	}

	@Test
	void readsAltersDropsAndRenames() {
		assertThat(effects("ALTER TABLE IF EXISTS t ADD COLUMN IF NOT EXISTS c int, DROP COLUMN d"))
			.containsExactly("ALTER table t guarded", "CREATE column t.c guarded", "DROP column t.d");
		assertThat(effects("ALTER TABLE t RENAME TO u")).containsExactly("ALTER table t", "DROP table t guarded",
				"RENAME table u");
		assertThat(effects("ALTER TABLE t RENAME COLUMN a TO b")).containsExactly("ALTER table t",
				"DROP column t.a guarded", "RENAME column t.b");
		assertThat(effects("DROP INDEX CONCURRENTLY IF EXISTS a, b")).containsExactly("DROP index a guarded",
				"DROP index b guarded");
		assertThat(effects("COMMENT ON COLUMN app.t.c IS 'x'")).containsExactly("USE table app.t");
		assertThat(effects("UPDATE ONLY t SET a = 1")).containsExactly("USE table t");
	}

	@Test
	void aDoBlockIsOpaque() {
		assertThat(StatementEffects.of("DO $$ BEGIN NULL; END $$").opaque()).isTrue();
		assertThat(StatementEffects.of("CREATE TABLE t (id int)").opaque()).isFalse();
	}

	@Test
	void onlyUnguardedCreatesNeedTheObjectAbsent() {
		Effect guarded = StatementEffects.of("CREATE TABLE IF NOT EXISTS t (id int)").effects().get(0);
		Effect plain = StatementEffects.of("CREATE TABLE t (id int)").effects().get(0);

		assertThat(guarded.needsAbsent()).isFalse();
		assertThat(plain.needsAbsent()).isTrue();
	}

}
