package dev.migsh.core.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.catalog.SqlSplitter;

/**
 * Finds what was changed by hand: replays the applied migrations into a scratch database
 * and compares its catalog with the live one, object by object, with the DDL of each
 * difference.
 */
public final class Drift {

	/**
	 * An applied migration to replay.
	 *
	 * @param id its id, named in errors
	 * @param sql its up section, as it ran
	 * @param transactional whether it ran in one transaction
	 */
	public record Migration(String id, String sql, boolean transactional, Path file) {

		/** A migration whose file is unknown: errors name its id. */
		public Migration(String id, String sql, boolean transactional) {
			this(id, sql, transactional, Path.of(id));
		}

	}

	private Drift() {
	}

	/**
	 * Replays {@code migrations} in order in a new scratch database (dropped afterwards,
	 * whatever happens) and compares it with {@code live}, leaving out
	 * {@code excludedSchemas}.
	 * @throws dev.migsh.core.MigshException when a migration fails in the scratch
	 * database
	 */
	public static DriftReport check(DataSource live, List<Migration> migrations, Set<String> excludedSchemas,
			DatabaseConnector connector) {
		return check(live, migrations, excludedSchemas, connector, Placeholders.NONE);
	}

	/**
	 * As {@link #check(DataSource, List, Set, DatabaseConnector)}, replacing placeholders
	 * in the SQL replayed (the history keeps it as the files said it).
	 */
	public static DriftReport check(DataSource live, List<Migration> migrations, Set<String> excludedSchemas,
			DatabaseConnector connector, Placeholders placeholders) {
		SchemaSnapshot database = SchemaSnapshot.read(live, excludedSchemas);
		try (ScratchDatabase scratch = ScratchDatabase.create(live, connector)) {
			for (Migration migration : migrations) {
				Path file = migration.file();
				scratch.run(file, SqlSplitter.split(migration.sql(), file, 1, placeholders), migration.transactional(),
						"Replaying " + migration.id());
			}
			SchemaSnapshot built = SchemaSnapshot.read(scratch.dataSource(), excludedSchemas);
			List<SchemaDifference> differences = SchemaDiff.compare(database, built);
			List<DriftItem> items = new ArrayList<>();
			if (!differences.isEmpty()) {
				SchemaDdl databaseDdl = SchemaDdl.read(live, excludedSchemas);
				SchemaDdl builtDdl = SchemaDdl.read(scratch.dataSource(), excludedSchemas);
				for (SchemaDifference d : differences) {
					DriftItem.Kind kind = switch (d.kind()) {
						case ONLY_IN_A -> DriftItem.Kind.ONLY_IN_DATABASE;
						case ONLY_IN_B -> DriftItem.Kind.ONLY_IN_MIGRATIONS;
						case CHANGED -> DriftItem.Kind.CHANGED;
					};
					items.add(new DriftItem(d.type(), d.name(), kind, d.changes(),
							(kind == DriftItem.Kind.ONLY_IN_MIGRATIONS) ? List.of()
									: databaseDdl.ddlOf(d.type(), d.name()),
							(kind == DriftItem.Kind.ONLY_IN_DATABASE) ? List.of()
									: builtDdl.ddlOf(d.type(), d.name())));
				}
			}
			return new DriftReport(scratch.description(), migrations.stream().map(Migration::id).toList(), items);
		}
	}

}
