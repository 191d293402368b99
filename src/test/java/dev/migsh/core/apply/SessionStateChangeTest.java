package dev.migsh.core.apply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStateChangeTest {

	@Test
	void seesStatementsThatLeaveSessionStateBehind() {
		assertThat(SessionStateChange.in("SET search_path = app")).isTrue();
		assertThat(SessionStateChange.in("set role admin")).isTrue();
		assertThat(SessionStateChange.in("SET SESSION AUTHORIZATION bob")).isTrue();
		assertThat(SessionStateChange.in("SET LOCAL ROLE admin")).isTrue();
		assertThat(SessionStateChange.in("RESET ALL")).isTrue();
		assertThat(SessionStateChange.in("DISCARD TEMP")).isTrue();
		assertThat(SessionStateChange.in("DO $$ BEGIN EXECUTE 'SET ROLE x'; END $$")).isTrue();
		assertThat(SessionStateChange.in("CALL p()")).isTrue();
		assertThat(SessionStateChange.in("SELECT pg_catalog.set_config('search_path', '', false)")).isTrue();
		assertThat(SessionStateChange.in("/* note */ SET statement_timeout = 0")).isTrue();
	}

	@Test
	void ignoresStatementsThatEndWithTheTransactionOrTouchNoSession() {
		assertThat(SessionStateChange.in("SET LOCAL lock_timeout = '1s'")).isFalse();
		assertThat(SessionStateChange.in("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")).isFalse();
		assertThat(SessionStateChange.in("SET CONSTRAINTS ALL DEFERRED")).isFalse();
		assertThat(SessionStateChange.in("CREATE TABLE t (id int)")).isFalse();
		assertThat(SessionStateChange.in("ALTER ROLE app SET search_path = app")).isFalse();
		assertThat(SessionStateChange
			.in("CREATE FUNCTION f() RETURNS int LANGUAGE sql SET search_path = ''" + " AS 'SELECT 1'")).isFalse();
		assertThat(SessionStateChange.in("UPDATE t SET v = 'SET ROLE x'")).isFalse();
	}

}
