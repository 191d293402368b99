package dev.migsh.shell;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance corpus as a user runs it: through the commands, pre-flight included, in
 * development, with no edit and no --allow-* option — apply, undo everything, apply
 * again.
 */
@ExtendWith(FreshDatabase.class)
class CorpusThroughTheShellTest {

	private static final Path CORPUS = Path.of("src/test/resources/corpus").toAbsolutePath();

	@TempDir
	Path home;

	static List<List<String>> folders() {
		return List.of(List.of("golang-migrate"), List.of("dbmate"),
				List.of("flyway", "--placeholder", "schema=shop", "--placeholder", "shop_name=Corner Shop"),
				List.of("go-template", "--placeholder", "Namespace=tenant_a", "--placeholder-prefix",
						"{{ index .Options \"", "--placeholder-suffix", "\" }}"));
	}

	@ParameterizedTest
	@MethodSource("folders")
	void appliesUndoesToZeroAndAppliesAgainAsItIs(List<String> folder, TestDatabase db) {
		String[] launch = java.util.stream.Stream
			.concat(java.util.stream.Stream.of("--migrations", CORPUS.resolve(folder.get(0)).toString()),
					folder.stream().skip(1))
			.toArray(String[]::new);
		try (ShellHarness shell = new ShellHarness(ShellHarness.env(db.url()), this.home, this.home, launch)) {
			assertThat(shell.run("apply")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			String first = schema(db);
			assertThat(shell.run("undo --all --yes")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.history", Long.class)).isZero();
			assertThat(shell.run("apply")).as(shell.out() + shell.err()).isEqualTo(ExitCode.OK);
			assertThat(schema(db)).isEqualTo(first);
			assertThat(shell.out()).doesNotContain("✖");
		}
	}

	/**
	 * Every user relation with its columns and every index definition, in one comparable
	 * text.
	 */
	private static String schema(TestDatabase db) {
		return db.jdbc()
			.queryForList(
					"""
							SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' '
								|| coalesce((SELECT string_agg(a.attname || ':' || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum)
									FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')
								|| coalesce(' ' || pg_get_indexdef(c.oid), '')
							FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
							WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'migsh', 'migsh_trash')
								AND c.relkind IN ('r', 'v', 'm', 'i', 'S', 'p')
							ORDER BY 1""",
					String.class)
			.toString();
	}

}
