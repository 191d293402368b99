package dev.migsh.core.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migsh.shell.render.TableDescriptionView;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Puts our rendering next to psql's own {@code \d}: every column row, index, constraint,
 * referenced-by, policy and trigger line psql prints must appear in ours.
 */
@ExtendWith(FreshDatabase.class)
class DescribeMatchesPsqlTest {

	private static final List<String> TABLES = List.of("users", "orders", "\"Order Items\"", "\"MixedCase\"",
			"bookings", "measurements", "measurements_2024", "measurements_other", "vehicles", "cars", "dupes",
			"active_users", "order_totals", "sales.leads");

	private static final List<String> COMPARED_SECTIONS = List.of("Indexes:", "Check constraints:",
			"Foreign-key constraints:", "Referenced by:", "Policies", "Triggers", "Disabled user triggers:",
			"Disabled internal triggers:");

	@Test
	void showsEveryLinePsqlShowsForColumnsIndexesConstraintsTriggersAndPolicies(TestDatabase db) throws Exception {
		Path psql = findPsql();
		Assumptions.assumeTrue(psql != null,
				"psql (the PostgreSQL command-line client) is not installed on PATH, so describe cannot be"
						+ " compared with psql's \\d output");
		RichSchema.load(db);
		TableDescriber describer = new TableDescriber(db.dataSource());
		List<String> compared = new ArrayList<>();

		for (String table : TABLES) {
			List<String> theirs = psqlDescribe(psql, db, table);
			List<String> ours = TableDescriptionView.render(describer.describe(table));
			List<String> oursNormalised = ours.stream().map(DescribeMatchesPsqlTest::normalise).toList();
			List<String> expected = comparedLines(theirs);
			assertThat(expected).as("psql \\d %s printed no column rows:%n%s", table, String.join("\n", theirs))
				.isNotEmpty();
			compared.addAll(expected);
			// our column rows may add a Description column (comments), after psql's five
			List<String> missing = expected.stream()
				.filter((line) -> oursNormalised.stream().noneMatch((o) -> o.equals(line) || o.startsWith(line + "|")))
				.toList();
			assertThat(missing)
				.as("describe %s, ours:%n%s%npsql's:%n%s", table, String.join("\n", ours), String.join("\n", theirs))
				.isEmpty();
		}
		assertThat(compared).as("the comparison covered every kind of line")
			.contains("\"dupes_n_idx\" UNIQUE, btree (n) INVALID",
					"\"bookings_no_overlap\" EXCLUDE USING gist (during WITH &&)",
					"\"users_nickname_check\" CHECK (length(nickname) < 40) NOT VALID",
					"TABLE \"orders\" CONSTRAINT \"orders_user_id_fkey\" FOREIGN KEY (user_id) REFERENCES users(id)"
							+ " ON DELETE CASCADE",
					"POLICY \"orders_insert\" AS RESTRICTIVE FOR INSERT", "TO postgres",
					"orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch_order()",
					"Line No|integer||not null|");
	}

	/**
	 * The column rows and the entries of the compared footer sections,
	 * whitespace-normalised.
	 */
	private static List<String> comparedLines(List<String> psqlLines) {
		List<String> compared = new ArrayList<>();
		int rule = -1;
		for (int i = 0; i < psqlLines.size(); i++) {
			if (psqlLines.get(i).startsWith("-") && psqlLines.get(i).contains("-+-")) {
				rule = i;
				break;
			}
		}
		int i = rule + 1;
		for (; i < psqlLines.size() && psqlLines.get(i).startsWith(" "); i++) {
			compared.add(normalise(psqlLines.get(i)));
		}
		boolean inCompared = false;
		for (; i < psqlLines.size(); i++) {
			String line = psqlLines.get(i);
			if (!line.startsWith(" ")) {
				inCompared = COMPARED_SECTIONS.stream().anyMatch(line::startsWith);
				if (inCompared && line.endsWith("(none)")) {
					compared.add(normalise(line));
				}
			}
			else if (inCompared) {
				compared.add(normalise(line));
			}
		}
		return compared;
	}

	private static String normalise(String line) {
		return line.strip().replaceAll("\\s+", " ").replaceAll(" \\|", "|").replaceAll("\\| ", "|");
	}

	private static List<String> psqlDescribe(Path psql, TestDatabase db, String table)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(psql.toString(), "-X", "-q", "-P", "pager=off", "-d", db.url(),
				"-c", "\\d " + table);
		builder.environment().put("LC_ALL", "C");
		builder.environment().put("LANG", "C");
		builder.environment().remove("PGOPTIONS");
		builder.redirectErrorStream(false);
		Process process = builder.start();
		byte[] out = process.getInputStream().readAllBytes();
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("psql finished").isTrue();
		assertThat(process.exitValue()).as("psql \\d %s failed: %s", table, err).isZero();
		return new String(out, StandardCharsets.UTF_8).lines().toList();
	}

	private static Path findPsql() {
		String path = System.getenv("PATH");
		List<String> dirs = new ArrayList<>((path == null) ? List.of() : List.of(path.split(":")));
		dirs.add("/usr/bin");
		for (String dir : dirs) {
			Path candidate = Path.of(dir, "psql");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
