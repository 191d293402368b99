package dev.migsh.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.MigrationFailedException;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.ResumeChange;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 13 item 5: a CREATE INDEX CONCURRENTLY that fails leaves an INVALID index; the
 * failure names it and offers the commands that get out, which work as printed.
 */
@ExtendWith(FreshDatabase.class)
class InvalidIndexRecoveryTest {

	@TempDir
	Path dir;

	@Test
	void aFailedConcurrentIndexBuildNamesTheInvalidIndexAndTheWayOutWorksAsPrinted(TestDatabase db) throws Exception {
		db.jdbc().execute("CREATE TABLE t (id int, v int); INSERT INTO t VALUES (1, 1), (2, 1)");
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-idx.sql",
				"-- migrate:up transaction:false\nALTER TABLE t ADD COLUMN w int;\n"
						+ "CREATE UNIQUE INDEX CONCURRENTLY t_v ON t (v);\n");
		Migrator migrator = folder.migrator(db);

		MigrationFailedException failure = catchThrowableOfType(
				() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()),
				MigrationFailedException.class);

		assertThat(failure.sqlState()).contains("23505");
		assertThat(failure.hint()).contains("index public.t_v on t is INVALID",
				"`DROP INDEX CONCURRENTLY IF EXISTS public.t_v;`", "`apply --resume 001-idx` runs statement 2 again");
		Matcher drop = Pattern.compile("`(DROP INDEX CONCURRENTLY[^`]*)`").matcher(failure.hint());
		assertThat(drop.find()).isTrue();
		try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
			c.setAutoCommit(true);
			st.execute(drop.group(1));
		}
		db.jdbc().execute("DELETE FROM t WHERE id = 2");
		var request = ResumeChange.Request.of("001-idx");
		var proposal = migrator.proposeResume(request);
		migrator.resume(proposal, request, Confirmations.all(proposal), ApplyListener.NONE, Cancellation.none());

		assertThat(migrator.status().find("001-idx").get().state()).isEqualTo(MigrationState.APPLIED);
		assertThat(db.jdbc()
			.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_v'::regclass", Boolean.class))
			.isTrue();
	}

}
