package dev.migsh.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.ApplyResult;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.MigrationFailedException;
import dev.migsh.core.apply.MigrationResult;
import dev.migsh.core.apply.UndoRequest;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.change.ApplyChange;
import dev.migsh.core.change.ApplyProposal;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditEntry;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.plan.MigrationPlan;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.plan.UndoTarget;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Flyway repeatable migrations ({@code R__name.sql}): run after the versioned ones, again
 * whenever their text changes, never undone; one history row each under {@code R__name}.
 */
@ExtendWith(FreshDatabase.class)
class RepeatableMigrationTest {

	private static final String VIEW = "CREATE OR REPLACE VIEW item_names AS SELECT name FROM items;\n";

	@TempDir
	Path dir;

	private MigrationFolder folder() {
		return new MigrationFolder(this.dir).write("V1__items.sql", "CREATE TABLE items (id int, name text);\n")
			.write("U1__items.sql", "DROP TABLE items;\n")
			.write("R__item_names.sql", VIEW)
			.write("R__functions.sql",
					"CREATE OR REPLACE FUNCTION item_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM items';\n")
			.write("V2__prices.sql", "ALTER TABLE items ADD COLUMN price int;\n");
	}

	private static ApplyResult applyAll(Migrator migrator) {
		return migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
	}

	private static Map<String, MigrationState> states(Migrator migrator) {
		Map<String, MigrationState> states = new java.util.LinkedHashMap<>();
		migrator.status().rows().forEach(r -> states.put(r.id(), r.state()));
		return states;
	}

	private static List<String> ids(ApplyResult result) {
		return result.applied().stream().map(MigrationResult::id).toList();
	}

	@Test
	void runsRepeatablesAfterTheVersionedOnesInNameOrderWithOneHistoryRowEach(TestDatabase db) {
		Migrator migrator = folder().migrator(db);
		assertThat(migrator.status().rows())
			.extracting(MigrationStatus::id, MigrationStatus::state, MigrationStatus::detail)
			.containsExactly(tuple("V1__items", MigrationState.PENDING, ""),
					tuple("V2__prices", MigrationState.PENDING, ""),
					tuple("R__functions", MigrationState.PENDING, "never applied"),
					tuple("R__item_names", MigrationState.PENDING, "never applied"));

		ApplyResult result = applyAll(migrator);

		assertThat(ids(result)).containsExactly("V1__items", "V2__prices", "R__functions", "R__item_names");
		assertThat(db.jdbc().queryForObject("SELECT item_count()", Long.class)).isZero();
		assertThat(db.jdbc()
			.queryForList("SELECT migration_id, version, name, state FROM migsh.history ORDER BY installed_rank"))
			.extracting(r -> r.get("migration_id"), r -> r.get("version"), r -> r.get("state"))
			.containsExactly(tuple("V1__items", "1", "applied"), tuple("V2__prices", "2", "applied"),
					tuple("R__functions", "", "applied"), tuple("R__item_names", "", "applied"));
		assertThat(states(migrator).values()).containsOnly(MigrationState.APPLIED);
		// the way back of the run names the versioned migration without a down, not the
		// repeatables
		assertThat(result.wayBack().command()).isEmpty();
		assertThat(result.wayBack().note()).contains("V2__prices has no down section").doesNotContain("R__");
		assertThat(result.applied().get(3).rollback().repeatable()).isTrue();
		// unchanged: nothing runs again
		assertThat(applyAll(migrator).applied()).isEmpty();
	}

	@Test
	void anEditedRepeatableIsOutdatedAndRunsAgainReplacingItsRow(TestDatabase db) {
		MigrationFolder folder = folder();
		Migrator migrator = folder.migrator(db);
		applyAll(migrator);
		long rankBefore = rank(db, "R__item_names");

		folder.write("R__item_names.sql", "CREATE OR REPLACE VIEW item_names AS SELECT name, price FROM items;\n");

		MigrationStatus outdated = migrator.status().find("R__item_names").orElseThrow();
		assertThat(outdated.state()).isEqualTo(MigrationState.OUTDATED);
		assertThat(outdated.detail()).startsWith("checksum changed");
		assertThat(outdated.isPending()).isTrue();
		assertThat(migrator.pendingIds()).containsExactly("R__item_names");
		MigrationPlan plan = migrator.plan(ApplyTarget.all(), false);
		assertThat(plan.steps()).singleElement().satisfies(step -> {
			assertThat(step.file().id()).isEqualTo("R__item_names");
			assertThat(step.why()).startsWith("checksum changed");
		});

		assertThat(ids(applyAll(migrator))).containsExactly("R__item_names");

		assertThat(db.jdbc()
			.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'item_names'",
					String.class))
			.containsExactlyInAnyOrder("name", "price");
		assertThat(db.jdbc()
			.queryForObject("SELECT count(*) FROM migsh.history WHERE migration_id = 'R__item_names'", Integer.class))
			.isOne();
		assertThat(rank(db, "R__item_names")).isGreaterThan(rankBefore);
		assertThat(db.jdbc()
			.queryForObject("SELECT up_sql FROM migsh.history WHERE migration_id = 'R__item_names'", String.class))
			.contains("price");
		assertThat(states(migrator).values()).containsOnly(MigrationState.APPLIED);
		assertThat(migrator.history(Optional.empty()))
			.filteredOn(e -> e.migrationId().equals(Optional.of("R__item_names")))
			.extracting(AuditEntry::action, AuditEntry::outcome)
			.containsExactly(tuple(AuditAction.APPLY, AuditOutcome.OK), tuple(AuditAction.APPLY, AuditOutcome.OK));
	}

	@Test
	void aNewPlaceholderValueAloneDoesNotRunARepeatableAgain(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("R__greeting.sql",
				"CREATE OR REPLACE FUNCTION greeting() RETURNS text LANGUAGE sql AS $$ SELECT '${word}' $$;\n");
		Migrator first = new Migrator(db.dataSource(),
				folder.config().withPlaceholders(Placeholders.NONE.withValue("word", "hello")));
		applyAll(first);
		Migrator second = new Migrator(db.dataSource(),
				folder.config().withPlaceholders(Placeholders.NONE.withValue("word", "goodbye")));

		assertThat(second.status().rows()).extracting(MigrationStatus::state).containsExactly(MigrationState.APPLIED);
		assertThat(applyAll(second).applied()).isEmpty();
		assertThat(db.jdbc().queryForObject("SELECT greeting()", String.class)).isEqualTo("hello");
	}

	@Test
	void applyToRunsRepeatablesOnlyWithTheWholePendingVersionedSet(TestDatabase db) {
		Migrator migrator = folder().migrator(db);

		assertThat(ids(migrator.apply(ApplyRequest.of(ApplyTarget.upTo("V1__items")), ApplyListener.NONE,
				Cancellation.none())))
			.containsExactly("V1__items");
		assertThatThrownBy(() -> migrator.apply(ApplyRequest.of(ApplyTarget.only("R__item_names")), ApplyListener.NONE,
				Cancellation.none()))
			.isInstanceOfSatisfying(MigshException.class, e -> {
				assertThat(e.getMessage()).contains("R__item_names runs after the pending versioned migrations",
						"V2__prices");
				assertThat(e.exitCode()).isEqualTo(ExitCode.PREFLIGHT_REFUSED);
			});
		assertThat(ids(migrator.apply(ApplyRequest.of(ApplyTarget.upTo("V2__prices")), ApplyListener.NONE,
				Cancellation.none())))
			.containsExactly("V2__prices", "R__functions", "R__item_names");
	}

	@Test
	void undoLeavesRepeatablesAloneAndRefusesToUndoOne(TestDatabase db) {
		Migrator migrator = folder().write("U2__prices.sql", "ALTER TABLE items DROP COLUMN price;\n")
			.write("R__item_names.sql", "CREATE OR REPLACE VIEW item_names AS SELECT 1 AS one;\n")
			.migrator(db);
		applyAll(migrator);

		assertThat(migrator.appliedIds()).containsExactly("V1__items", "V2__prices");
		assertThat(migrator.planUndo(UndoTarget.latest(), false).steps()).extracting(s -> s.file().id())
			.containsExactly("V2__prices");
		assertThatThrownBy(() -> migrator.planUndo(UndoTarget.only("R__item_names"), false))
			.isInstanceOfSatisfying(MigshException.class, e -> {
				assertThat(e.getMessage()).contains("R__item_names is repeatable and cannot be undone");
				assertThat(e.hint()).contains("mark-pending R__item_names");
			});

		migrator.undo(UndoRequest.of(UndoTarget.to("V1__items")), ApplyListener.NONE, Cancellation.none());
		assertThat(states(migrator)).containsExactly(Map.entry("V1__items", MigrationState.APPLIED),
				Map.entry("V2__prices", MigrationState.PENDING), Map.entry("R__functions", MigrationState.APPLIED),
				Map.entry("R__item_names", MigrationState.APPLIED));
		// forgetting one's run makes apply run it again
		migrator.markPending("R__item_names");
		assertThat(ids(applyAll(migrator))).containsExactly("V2__prices", "R__item_names");

		// back to an empty history: the repeatables' runs are forgotten too, nothing of
		// them runs
		assertThat(migrator.planUndo(UndoTarget.all(), false).steps()).extracting(s -> s.file().id())
			.containsExactly("V2__prices", "V1__items", "R__functions", "R__item_names");
		migrator.undo(UndoRequest.of(UndoTarget.all()), ApplyListener.NONE, Cancellation.none());
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM migsh.history", Integer.class)).isZero();
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('item_names') IS NOT NULL", Boolean.class)).isTrue();
		assertThat(migrator.history(Optional.empty())).last()
			.satisfies(e -> assertThat(e.detail()).contains("forgot the last run of a repeatable"));
		assertThat(ids(applyAll(migrator))).containsExactly("V1__items", "V2__prices", "R__functions", "R__item_names");
	}

	@Test
	void aFailingRepeatableIsRolledBackAndStaysOutdatedUntilFixed(TestDatabase db) {
		MigrationFolder folder = folder();
		Migrator migrator = folder.migrator(db);
		applyAll(migrator);
		folder.write("R__item_names.sql", "CREATE OR REPLACE VIEW item_names AS SELECT nosuch FROM items;\n");

		assertThatThrownBy(() -> applyAll(migrator)).isInstanceOfSatisfying(MigrationFailedException.class, e -> {
			assertThat(e.getMessage()).contains("R__item_names", "nosuch");
			assertThat(e.hint()).contains("rolled back");
		});

		assertThat(migrator.status().find("R__item_names").orElseThrow().state()).isEqualTo(MigrationState.OUTDATED);
		assertThat(db.jdbc()
			.queryForObject("SELECT up_sql FROM migsh.history WHERE migration_id = 'R__item_names'", String.class))
			.isEqualTo(VIEW.strip());
		folder.write("R__item_names.sql", VIEW.replace("name FROM", "name, id FROM"));
		assertThat(ids(applyAll(migrator))).containsExactly("R__item_names");
	}

	@Test
	void aFailedRepeatableWithoutATransactionIsRecordedAsFailedAndRepairClearsIt(TestDatabase db) {
		MigrationFolder folder = folder().write("R__name_index.sql",
				"CREATE INDEX CONCURRENTLY IF NOT EXISTS items_name_idx ON items (name);\n");
		Migrator migrator = folder.migrator(db);
		applyAll(migrator);
		folder.write("R__name_index.sql",
				"CREATE INDEX CONCURRENTLY IF NOT EXISTS items_nosuch_idx ON items (nosuch);\n");

		assertThatThrownBy(() -> applyAll(migrator)).isInstanceOf(MigrationFailedException.class);

		MigrationStatus failed = migrator.status().find("R__name_index").orElseThrow();
		assertThat(failed.state()).isEqualTo(MigrationState.FAILED);
		assertThat(db.jdbc()
			.queryForObject("SELECT count(*) FROM migsh.history WHERE migration_id = 'R__name_index'", Integer.class))
			.isOne();
		assertThatThrownBy(() -> applyAll(migrator)).isInstanceOfSatisfying(MigshException.class,
				e -> assertThat(e.getMessage()).contains("R__name_index is recorded as failed"));
		assertThatThrownBy(() -> migrator.planUndo(UndoTarget.only("R__name_index"), false))
			.hasMessageContaining("R__name_index is repeatable and cannot be undone");

		migrator.repair(dev.migsh.core.apply.RepairRequest.only("R__name_index"));
		assertThat(migrator.status().find("R__name_index").orElseThrow().state()).isEqualTo(MigrationState.PENDING);
		folder.write("R__name_index.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS items_id_idx ON items (id);\n");
		assertThat(ids(applyAll(migrator))).containsExactly("R__name_index");
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('items_id_idx') IS NOT NULL", Boolean.class)).isTrue();
	}

	@Test
	void markAppliedRecordsAnOutdatedRepeatableAsItIsNow(TestDatabase db) {
		MigrationFolder folder = folder();
		Migrator migrator = folder.migrator(db);
		applyAll(migrator);
		folder.write("R__item_names.sql", "CREATE OR REPLACE VIEW item_names AS SELECT name, id FROM items;\n");

		migrator.markApplied("R__item_names", true);

		assertThat(migrator.status().find("R__item_names").orElseThrow().state()).isEqualTo(MigrationState.MARKED);
		assertThat(db.jdbc()
			.queryForObject("SELECT count(*) FROM migsh.history WHERE migration_id = 'R__item_names'", Integer.class))
			.isOne();
		assertThat(applyAll(migrator).applied()).isEmpty();
	}

	@Test
	void aRepeatableGoesThroughTheProposalAndTheLock(TestDatabase db) {
		MigrationFolder folder = folder();
		Migrator migrator = folder.migrator(db);
		ApplyProposal proposal = migrator.proposeApply(ApplyChange.Request.of(ApplyRequest.all()));
		assertThat(proposal.plan().orElseThrow().steps()).extracting(s -> s.file().id(), MigrationPlan.Step::why)
			.endsWith(tuple("R__functions", "never applied"), tuple("R__item_names", "never applied"));

		ApplyResult result = migrator.execute(proposal, Confirmations.none(), ApplyListener.NONE, Cancellation.none());

		assertThat(ids(result)).endsWith("R__functions", "R__item_names");
	}

	private static long rank(TestDatabase db, String id) {
		return db.jdbc()
			.queryForObject("SELECT installed_rank FROM migsh.history WHERE migration_id = ?", Long.class, id);
	}

}
