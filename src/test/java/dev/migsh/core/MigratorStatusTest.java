package dev.migsh.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.MigrationFailedException;
import dev.migsh.core.catalog.CatalogFinding;
import dev.migsh.core.catalog.MigrationDirectory;
import dev.migsh.core.history.HistoryState;
import dev.migsh.core.history.HistoryTable;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(FreshDatabase.class)
class MigratorStatusTest {

	@TempDir
	Path dir;

	@Test
	void statusShowsEveryState(TestDatabase db) throws Exception {
		MigrationFolder folder = new MigrationFolder(this.dir);
		Migrator migrator = folder.migrator(db);
		assertThat(migrator.status().rows()).isEmpty();

		folder.write("005-baseline.sql", "-- migrate:up\nSELECT 1;\n");
		HistoryTable history = new HistoryTable("migsh");
		try (var connection = db.dataSource().getConnection()) {
			history.create(connection);
			history.insert(connection, MigrationDirectory.read(this.dir).find("005-baseline").get(),
					HistoryState.BASELINE, "tester@testhost", 0, 1, null, 0);
		}
		folder.write("010-a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n")
			.write("020-b.sql", "-- migrate:up\nCREATE TABLE b (id int);\n")
			.write("030-c.sql", "-- migrate:up\nCREATE TABLE c (id int);\n");
		migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
		folder.write("040-d.sql", "-- migrate:up transaction:false\nCREATE TABLE d (id int);\nSELECT 1/0;\n");
		assertThatThrownBy(() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOf(MigrationFailedException.class);
		folder.write("050-e.sql", "-- migrate:up\nCREATE TABLE e (id int);\n");
		migrator.markApplied("050-e", true);
		folder.write("060-f.sql", "-- migrate:up\nCREATE TABLE f (id int);\n")
			.write("015-g.sql", "-- migrate:up\nCREATE TABLE g (id int);\n")
			.write("020-b.sql", "-- migrate:up\nCREATE TABLE b (id bigint);\n")
			.write("010-a.sql", "-- migrate:up\r\nCREATE TABLE a (id int);\r\n")
			.write("070-x.sql", "-- migrate:up\nSELECT 1;\n")
			.write("070-y.sql", "-- migrate:up\nSELECT 2;\n");
		folder.delete("030-c.sql");

		StatusReport status = migrator.status();

		Map<String, MigrationState> states = status.rows()
			.stream()
			.collect(Collectors.toMap(MigrationStatus::id, MigrationStatus::state));
		assertThat(states).containsEntry("005-baseline", MigrationState.BASELINE)
			.containsEntry("010-a", MigrationState.APPLIED)
			.containsEntry("015-g", MigrationState.OUT_OF_ORDER)
			.containsEntry("020-b", MigrationState.CHANGED)
			.containsEntry("030-c", MigrationState.MISSING)
			.containsEntry("040-d", MigrationState.FAILED)
			.containsEntry("050-e", MigrationState.MARKED)
			.containsEntry("060-f", MigrationState.PENDING)
			.containsEntry("070-x", MigrationState.PENDING);
		assertThat(status.rows()).extracting(MigrationStatus::id)
			.containsExactly("005-baseline", "010-a", "015-g", "020-b", "030-c", "040-d", "050-e", "060-f", "070-x",
					"070-y");
		assertThat(status.find("040-d").get().detail()).isEqualTo("failed at 2/2: 22012 division by zero");
		assertThat(status.find("015-g").get().detail()).contains("below the highest recorded version 050");
		assertThat(status.count(MigrationState.PENDING)).isEqualTo(3);
		assertThat(status.count(MigrationState.APPLIED)).isEqualTo(1);
		assertThat(status.findings()).extracting(CatalogFinding::kind).contains(CatalogFinding.Kind.DUPLICATE_VERSION);
		assertThat(migrator.pendingIds()).containsExactly("015-g", "060-f", "070-x", "070-y");
		assertThat(migrator.appliedIds()).containsExactly("005-baseline", "010-a", "020-b", "050-e");
		assertThat(migrator.show("030-c").status().applied()).isPresent();
	}

	@Test
	void outOfOrderPendingBlocksApplyAllButAnExplicitIdRunsIt(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("020-b.sql",
				"-- migrate:up\nCREATE TABLE b (id int);\n");
		Migrator migrator = folder.migrator(db);
		migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
		folder.write("010-a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n")
			.write("030-c.sql", "-- migrate:up\nCREATE TABLE c (id int);\n");

		assertThatThrownBy(() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()))
			.isInstanceOfSatisfying(MigshException.class, e -> {
				assertThat(e.getMessage()).contains("010-a", "out of order");
				assertThat(e.hint()).contains("apply 010-a");
				assertThat(e.exitCode()).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			});
		assertThat(migrator
			.apply(ApplyRequest.of(dev.migsh.core.plan.ApplyTarget.only("10")), ApplyListener.NONE, Cancellation.none())
			.applied()).extracting(r -> r.id()).containsExactly("010-a");
		assertThat(migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()).applied())
			.extracting(r -> r.id())
			.containsExactly("030-c");
	}

}
