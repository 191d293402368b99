package dev.migsh.core.apply;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.MigrationFolder;
import dev.migsh.core.Migrator;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.plan.UndoTarget;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(FreshDatabase.class)
class TrashTest {

	@TempDir
	Path dir;

	private MigrationFolder folder() {
		return new MigrationFolder(this.dir)
			.write("001-users.sql",
					"-- migrate:up\nCREATE TABLE users (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text);\n"
							+ "-- migrate:down\nDROP TABLE users;\n")
			.write("002-profile.sql", "-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n"
					+ "-- migrate:down\nALTER TABLE users DROP COLUMN bio;\n");
	}

	private void apply(Migrator migrator, ApplyTarget target) {
		migrator.apply(ApplyRequest.of(target), ApplyListener.NONE, Cancellation.none());
	}

	private UndoResult undo(Migrator migrator) {
		return migrator.undo(UndoRequest.of(UndoTarget.latest()), ApplyListener.NONE, Cancellation.none());
	}

	@Test
	void undoKeepsADroppedColumnsValuesAndItsRestoreSqlPutsThemBack(TestDatabase db) {
		Migrator migrator = folder().migrator(db);
		apply(migrator, ApplyTarget.all());
		db.jdbc().execute("INSERT INTO users (email, bio) VALUES ('a@x', 'likes tea'), ('b@x', NULL), ('c@x', 'runs')");

		UndoResult result = undo(migrator);

		TrashEntry entry = result.undone().get(0).trashed().get(0);
		assertThat(entry.kind()).isEqualTo(TrashEntry.Kind.COLUMN);
		assertThat(entry.source()).isEqualTo("public.users.bio");
		assertThat(entry.rows()).isEqualTo(2);
		assertThat(entry.restoreSql()).isEqualTo(
				"UPDATE public.users AS t SET bio = s.bio FROM migsh_trash.\"1_users_bio\" AS s WHERE t.id = s.id;");
		assertThat(Trash.list(db.dataSource())).extracting(TrashEntry::source).containsExactly("public.users.bio");

		apply(migrator, ApplyTarget.all());
		db.jdbc().execute(entry.restoreSql());
		assertThat(db.jdbc().queryForList("SELECT bio FROM users ORDER BY id", String.class))
			.containsExactly("likes tea", null, "runs");
	}

	@Test
	void undoKeepsADroppedTableWholeAndItsRestoreSqlRefillsTheRecreatedTable(TestDatabase db) {
		MigrationFolder folder = folder();
		folder.delete("002-profile.sql");
		Migrator migrator = folder.migrator(db);
		apply(migrator, ApplyTarget.all());
		db.jdbc().execute("INSERT INTO users (email) VALUES ('a@x'), ('b@x')");

		TrashEntry entry = undo(migrator).undone().get(0).trashed().get(0);

		assertThat(entry.kind()).isEqualTo(TrashEntry.Kind.TABLE);
		assertThat(entry.rows()).isEqualTo(2);
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('users') IS NULL", Boolean.class)).isTrue();
		apply(migrator, ApplyTarget.all());
		db.jdbc().execute(entry.restoreSql());
		assertThat(db.jdbc().queryForList("SELECT id || ':' || email FROM users ORDER BY id", String.class))
			.containsExactly("1:a@x", "2:b@x");
	}

	@Test
	void aDownThatDropsATableAndThenItsEnumTypeStillWorksAndTheRestoreCastsBack(TestDatabase db) {
		Migrator migrator = new MigrationFolder(this.dir)
			.write("001-rooms.sql",
					"-- migrate:up\nCREATE TYPE room_type AS ENUM ('direct', 'group');\n"
							+ "CREATE TABLE rooms (id int PRIMARY KEY, kind room_type NOT NULL, tags room_type[]);\n"
							+ "-- migrate:down\nDROP TABLE rooms;\nDROP TYPE room_type;\n")
			.migrator(db);
		apply(migrator, ApplyTarget.all());
		db.jdbc().execute("INSERT INTO rooms VALUES (1, 'group', '{direct,group}'), (2, 'direct', NULL)");

		TrashEntry entry = undo(migrator).undone().get(0).trashed().get(0);

		assertThat(entry.rows()).isEqualTo(2);
		assertThat(db.jdbc().queryForObject("SELECT to_regtype('room_type') IS NULL", Boolean.class)).isTrue();
		apply(migrator, ApplyTarget.all());
		db.jdbc().execute(entry.restoreSql());
		assertThat(db.jdbc()
			.queryForList("SELECT id || ':' || kind || ':' || coalesce(tags::text, '-') FROM rooms" + " ORDER BY id",
					String.class))
			.containsExactly("1:group:{direct,group}", "2:direct:-");
	}

	@Test
	void aFailedUndoKeepsNothingInTheTrash(TestDatabase db) {
		MigrationFolder folder = folder();
		Migrator migrator = folder.migrator(db);
		apply(migrator, ApplyTarget.all());
		db.jdbc().execute("INSERT INTO users (email, bio) VALUES ('a@x', 'tea')");
		folder.write("002-profile.sql", "-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n"
				+ "-- migrate:down\nALTER TABLE users DROP COLUMN bio;\nSELECT 1 / 0;\n");

		assertThatThrownBy(() -> undo(migrator)).isInstanceOf(MigrationFailedException.class);

		assertThat(Trash.list(db.dataSource())).isEmpty();
		assertThat(db.jdbc().queryForObject("SELECT bio FROM users", String.class)).isEqualTo("tea");
	}

	@Test
	void purgeDropsEverythingKept(TestDatabase db) {
		Migrator migrator = folder().migrator(db);
		apply(migrator, ApplyTarget.all());
		db.jdbc().execute("INSERT INTO users (email, bio) VALUES ('a@x', 'tea')");
		undo(migrator);
		undo(migrator);

		var proposal = migrator.proposeTrashPurge();
		List<TrashEntry> purged = migrator.purgeTrash(proposal, java.util.Optional.empty(),
				dev.migsh.core.change.Confirmations.all(proposal), LockWaitListener.none(), Cancellation.none());

		assertThat(purged).extracting(TrashEntry::source).containsExactly("public.users.bio", "public.users");
		assertThat(Trash.list(db.dataSource())).isEmpty();
		assertThat(db.jdbc().queryForObject("SELECT to_regnamespace('migsh_trash') IS NULL", Boolean.class)).isTrue();
	}

}
