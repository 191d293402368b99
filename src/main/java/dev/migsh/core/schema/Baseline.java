package dev.migsh.core.schema;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.migsh.core.catalog.SqlSplitter;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.schema.SchemaDifference.Kind;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * The baseline of a live database: the SQL that recreates its schema (schemas,
 * extensions, types, functions, sequences, tables, keys, indexes, views, triggers,
 * policies, comments), and the proof that it does, by building it in a scratch database
 * and comparing catalogs.
 */
public final class Baseline {

	private Baseline() {
	}

	/**
	 * Reads the schema of {@code live}, leaving out {@code excludedSchemas} (migsh's
	 * own).
	 */
	public static BaselineScript generate(DataSource live, Set<String> excludedSchemas) {
		return SchemaDdl.read(live, excludedSchemas).script();
	}

	/**
	 * Runs the up section {@code upSql} (as it stands in {@code file}, starting at
	 * {@code firstLine}) in a new scratch database and compares its catalog with the live
	 * one. The scratch database is dropped afterwards, whatever happens.
	 * @throws dev.migsh.core.MigshException when a statement fails in the scratch
	 * database
	 */
	public static BaselineProof prove(BaselineScript script, Path file, int firstLine, DataSource live,
			Set<String> excludedSchemas, DatabaseConnector connector) {
		return prove(script, file, firstLine, live, excludedSchemas, connector, StatementWatch.NONE);
	}

	/**
	 * As {@link #prove(BaselineScript, Path, int, DataSource, Set, DatabaseConnector)};
	 * Ctrl-C through {@code watch} cancels the statement building the scratch database.
	 * @throws OperationCancelledException when it was cancelled
	 */
	public static BaselineProof prove(BaselineScript script, Path file, int firstLine, DataSource live,
			Set<String> excludedSchemas, DatabaseConnector connector, StatementWatch watch) {
		long start = System.nanoTime();
		SchemaSnapshot expected = SchemaSnapshot.read(live, excludedSchemas);
		List<SqlStatement> statements = SqlSplitter.split(script.upSql(), file, firstLine);
		try (ScratchDatabase scratch = ScratchDatabase.create(live, connector)) {
			scratch.run(file, statements, true, "The baseline", watch);
			SchemaSnapshot actual = SchemaSnapshot.read(scratch.dataSource(), excludedSchemas);
			List<SchemaDifference> differences = SchemaDiff.compare(expected, actual)
				.stream()
				.filter((d) -> !((d.type() == ObjectType.INDEX || d.type() == ObjectType.TABLE)
						&& d.kind() == Kind.ONLY_IN_A && script.skipped().contains(d.name())))
				.toList();
			List<String> reparsed = new java.util.ArrayList<>();
			differences = ReparsedDefinitions.filter(differences, actual, scratch.dataSource(), reparsed);
			return new BaselineProof(scratch.description(), expected.objects().size(), differences, reparsed,
					script.notRecreated(), Duration.ofNanos(System.nanoTime() - start));
		}
	}

}
