package dev.migsh.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.ExitCode;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway repeatables as a user sees them: {@code status} says
 * {@code repeatable: pending|applied|outdated}, {@code plan} lists them after the
 * versioned ones with why they run, {@code undo} refuses one.
 */
@ExtendWith(FreshDatabase.class)
class RepeatableCommandsTest {

	@TempDir
	Path dir;

	private Path migrations;

	private void migrations() throws Exception {
		this.migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(this.migrations.resolve("V1__items.sql"), "CREATE TABLE items (id int, name text);\n");
		Files.writeString(this.migrations.resolve("R__item_names.sql"),
				"CREATE OR REPLACE VIEW item_names AS SELECT name FROM items;\n");
	}

	@Test
	void statusAndPlanShowRepeatablesAfterTheVersionedOnesWithWhyTheyRun(TestDatabase db) throws Exception {
		migrations();
		try (ShellHarness shell = ShellHarness.connectedTo(db.url(), this.dir)) {
			int mark;
			mark = shell.out().length();
			assertThat(shell.run("status")).as(shell.err()).isEqualTo(ExitCode.OK);
			assertThat(line(since(shell, mark), "R__item_names")).contains("repeatable: pending", "never applied");

			mark = shell.out().length();
			assertThat(shell.run("plan")).as(shell.err()).isEqualTo(ExitCode.OK);
			String plan = since(shell, mark);
			assertThat(plan.indexOf("V1__items")).isLessThan(plan.indexOf("R__item_names"));
			assertThat(line(plan, "R__item_names  (")).contains("repeatable, never applied; never undone");
			assertThat(line(plan, "Findings:")).contains("1 migration without a rollback");

			mark = shell.out().length();
			assertThat(shell.run("apply --yes")).as(shell.err()).isEqualTo(ExitCode.OK);
			mark = shell.out().length();
			assertThat(shell.run("status")).isEqualTo(ExitCode.OK);
			assertThat(line(since(shell, mark), "R__item_names")).contains("repeatable: applied");

			Files.writeString(this.migrations.resolve("R__item_names.sql"),
					"CREATE OR REPLACE VIEW item_names AS SELECT name, id FROM items;\n");
			mark = shell.out().length();
			assertThat(shell.run("status --json")).isEqualTo(ExitCode.OK);
			DocumentContext status = JsonPath.parse(since(shell, mark));
			assertThat(status.read("$.migrations[1].id", String.class)).isEqualTo("R__item_names");
			assertThat(status.read("$.migrations[1].state", String.class)).isEqualTo("outdated");
			assertThat(status.read("$.migrations[1].repeatable", Boolean.class)).isTrue();
			assertThat(status.read("$.migrations[1].version", String.class)).isEmpty();
			assertThat(status.read("$.migrations[1].detail", String.class)).startsWith("checksum changed");
			assertThat(status.read("$.counts.outdated", Integer.class)).isOne();

			mark = shell.out().length();
			assertThat(shell.run("plan --json")).isEqualTo(ExitCode.OK);
			DocumentContext plan2 = JsonPath.parse(since(shell, mark));
			assertThat(plan2.read("$.migrations[0].id", String.class)).isEqualTo("R__item_names");
			assertThat(plan2.read("$.migrations[0].why", String.class)).startsWith("checksum changed");

			mark = shell.out().length();
			assertThat(shell.run("status")).isEqualTo(ExitCode.OK);
			assertThat(line(since(shell, mark), "R__item_names")).contains("repeatable: outdated");

			mark = shell.out().length();
			assertThat(shell.run("undo R__item_names --yes")).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			assertThat(shell.err()).contains("R__item_names is repeatable and cannot be undone",
					"mark-pending R__item_names");

			mark = shell.out().length();
			assertThat(shell.run("apply --yes")).as(shell.err()).isEqualTo(ExitCode.OK);
		}
		assertThat(db.jdbc()
			.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'item_names'",
					String.class))
			.containsExactlyInAnyOrder("name", "id");
		List<Map<String, Object>> audit = db.jdbc()
			.queryForList("SELECT action, outcome FROM migsh.audit WHERE migration_id = 'R__item_names'");
		assertThat(audit).hasSize(2).allSatisfy(a -> assertThat(a).containsEntry("outcome", "ok"));
	}

	/** What one command printed, from the harness's running output. */
	private static String since(ShellHarness shell, int mark) {
		return shell.out().substring(mark);
	}

	private static String line(String out, String start) {
		return out.lines().filter(l -> l.contains(start)).findFirst().orElse("(no line with " + start + ")");
	}

}
