package dev.migsh.core.schema;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.catalog.SqlSplitter;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.schema.SchemaDifference.Kind;
import dev.migsh.core.schema.SchemaDifference.PropertyChange;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * Finds what was changed by hand: replays the applied migrations, in version order, into
 * a scratch database and compares its catalog with the live one, object by object, with
 * the DDL of each difference.
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

	private static final String CURRENT_USER = "SELECT current_user";

	private static final Pattern VERSION = Pattern.compile("^[Vv]?(\\d+)");

	private Drift() {
	}

	/**
	 * Replays {@code migrations} by version in a new scratch database (dropped
	 * afterwards, whatever happens) and compares it with {@code live}, leaving out
	 * {@code excludedSchemas}. The scratch database first gets the schemas and extensions
	 * the live one has and no migration creates.
	 * @throws dev.migsh.core.MigshException when there is no scratch database or a
	 * migration fails in it
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
		return check(live, migrations, excludedSchemas, connector, placeholders, StatementWatch.NONE);
	}

	/**
	 * As {@link #check(DataSource, List, Set, DatabaseConnector, Placeholders)}; Ctrl-C
	 * through {@code watch} cancels the statement replaying and drops the scratch
	 * database.
	 * @throws OperationCancelledException when it was cancelled
	 */
	public static DriftReport check(DataSource live, List<Migration> migrations, Set<String> excludedSchemas,
			DatabaseConnector connector, Placeholders placeholders, StatementWatch watch) {
		List<Migration> ordered = inVersionOrder(migrations);
		SchemaSnapshot database = SchemaSnapshot.read(live, excludedSchemas);
		List<String> prerequisites = Prerequisites.of(database, ordered);
		try (ScratchDatabase scratch = ScratchDatabase.create(live, connector)) {
			if (!prerequisites.isEmpty()) {
				Path file = Path.of("prerequisites");
				scratch.run(file, prerequisites.stream().map((s) -> new SqlStatement(s, 1, 1)).toList(), true,
						"Preparing the scratch database");
			}
			for (Migration migration : ordered) {
				Path file = migration.file();
				scratch.run(file, SqlSplitter.split(migration.sql(), file, 1, placeholders), migration.transactional(),
						"Replaying " + migration.id(), watch);
			}
			SchemaSnapshot built = SchemaSnapshot.read(scratch.dataSource(), excludedSchemas);
			List<String> orderDiffers = new ArrayList<>();
			String replayedBy = new org.springframework.jdbc.core.JdbcTemplate(scratch.dataSource())
				.queryForObject(CURRENT_USER, String.class);
			List<SchemaDifference> differences = withoutReplayNoise(SchemaDiff.compare(database, built), replayedBy,
					orderDiffers);
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
			return new DriftReport(items.isEmpty() ? DriftReport.Outcome.NO_DRIFT : DriftReport.Outcome.DRIFT,
					scratch.description(), ordered.stream().map(Migration::id).toList(), prerequisites, items,
					orderDiffers, null);
		}
	}

	/**
	 * The same check, with "could not check" (no scratch database, a migration that fails
	 * when replayed) as a report of its own rather than an exception, so that it is told
	 * apart from drift.
	 */
	public static DriftReport examine(DataSource live, List<Migration> migrations, Set<String> excludedSchemas,
			DatabaseConnector connector) {
		return examine(live, migrations, excludedSchemas, connector, Placeholders.NONE);
	}

	/**
	 * As {@link #examine(DataSource, List, Set, DatabaseConnector)}, replacing
	 * placeholders.
	 */
	public static DriftReport examine(DataSource live, List<Migration> migrations, Set<String> excludedSchemas,
			DatabaseConnector connector, Placeholders placeholders) {
		return examine(live, migrations, excludedSchemas, connector, placeholders, StatementWatch.NONE);
	}

	/**
	 * As {@link #examine(DataSource, List, Set, DatabaseConnector, Placeholders)},
	 * cancellable.
	 */
	public static DriftReport examine(DataSource live, List<Migration> migrations, Set<String> excludedSchemas,
			DatabaseConnector connector, Placeholders placeholders, StatementWatch watch) {
		try {
			return check(live, migrations, excludedSchemas, connector, placeholders, watch);
		}
		catch (OperationCancelledException ex) {
			throw ex;
		}
		catch (MigshException ex) {
			return DriftReport.couldNotCheck(ex.getMessage(), ex.hint());
		}
	}

	/**
	 * By the number their id starts with, as the folder orders them; the order they were
	 * recorded in may differ (an out-of-order apply). Ids without one keep their place
	 * after the numbered ones.
	 */
	static List<Migration> inVersionOrder(List<Migration> migrations) {
		List<Migration> sorted = new ArrayList<>(migrations);
		sorted.sort(Comparator.comparing((Migration m) -> version(m.id()),
				Comparator.nullsLast(Comparator.naturalOrder())));
		return sorted;
	}

	private static BigInteger version(String id) {
		Matcher m = VERSION.matcher(id);
		return m.find() ? new BigInteger(m.group(1)) : null;
	}

	// a column added by hand elsewhere in the table is the same column: ADD COLUMN
	// appends, so its position alone is not drift. The replay's objects belong to whoever
	// replays them: an owner the migrations did not set is not drift either.
	private static List<SchemaDifference> withoutReplayNoise(List<SchemaDifference> differences, String replayedBy,
			List<String> orderDiffers) {
		List<SchemaDifference> kept = new ArrayList<>();
		for (SchemaDifference d : differences) {
			boolean column = d.type() == ObjectType.COLUMN;
			if (!(column || d.type() == ObjectType.GRANT) || d.kind() != Kind.CHANGED) {
				kept.add(d);
				continue;
			}
			List<PropertyChange> rest = d.changes()
				.stream()
				.filter((c) -> column ? !c.property().equals("position")
						: !(c.property().equals("owner") && replayedBy.equals(c.b())))
				.toList();
			if (column && rest.size() < d.changes().size()) {
				orderDiffers.add(d.name());
			}
			if (!rest.isEmpty()) {
				kept.add(new SchemaDifference(d.type(), d.name(), d.kind(), rest));
			}
		}
		return kept;
	}

}
