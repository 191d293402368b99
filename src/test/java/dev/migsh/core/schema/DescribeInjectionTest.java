package dev.migsh.core.schema;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@ExtendWith(FreshDatabase.class)
class DescribeInjectionTest {

	private static final List<String> HOSTILE_NAMES = List.of("users; drop table users", "users'; drop table users; --",
			"users' OR '1'='1", "\"users\"; drop table users", "users -- comment", "pg_sleep(10)",
			"users) OR pg_sleep(10) IS NULL OR (1", "a.b.c.d", "a.b.c", "x".repeat(1_000), "x".repeat(10_000),
			"users\0", "users\0; drop table users", "\"unterminated", "", "   ");

	@Test
	void treatsEveryHostileNameAsNotFoundAndRunsNothing(TestDatabase db) {
		db.jdbc().execute("CREATE TABLE users (id integer); INSERT INTO users VALUES (1), (2)");
		TableDescriber describer = new TableDescriber(db.dataSource());

		for (String name : HOSTILE_NAMES) {
			assertThatThrownBy(() -> describer.describe(name)).as("describe(%s)", TableNotFoundException.shown(name))
				.isInstanceOf(TableNotFoundException.class)
				.hasMessageNotContaining("\0");
		}

		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM users", Integer.class)).isEqualTo(2);
		assertThat(describer.describe("users").columns()).extracting(ColumnInfo::name).containsExactly("id");
	}

	@Test
	void neverCallsAFunctionNamedInTheTableName(TestDatabase db) {
		TableDescriber describer = new TableDescriber(db.dataSource());

		assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> assertThatThrownBy(() -> describer.describe("pg_sleep(10)"))
					.isInstanceOf(TableNotFoundException.class)
					.hasMessageContaining("'pg_sleep(10)'"));
	}

	@Test
	void saysANameWithTooManyDotsIsNotAValidName(TestDatabase db) {
		assertThatThrownBy(() -> new TableDescriber(db.dataSource()).describe("a.b.c.d"))
			.isInstanceOf(TableNotFoundException.class)
			.hasMessageStartingWith("'a.b.c.d' is not a valid table name");
	}

	@Test
	void showsAVeryLongNameShortenedAndControlCharactersEscaped(TestDatabase db) {
		TableDescriber describer = new TableDescriber(db.dataSource());

		assertThatThrownBy(() -> describer.describe("y".repeat(10_000))).hasMessageContaining("... (10000 characters)")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(200));
		assertThatThrownBy(() -> describer.describe("users\0x")).hasMessageContaining("'users\\x00x'");
	}

}
