package dev.migsh.core.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migsh.core.schema.SchemaDifference.Kind;
import dev.migsh.core.schema.SchemaDifference.PropertyChange;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * Tells a real difference from PostgreSQL's own re-parsing. The server prints a stored
 * expression (pg_get_constraintdef, pg_get_expr, pg_get_viewdef) as text that, run again,
 * is not always stored as the same tree: {@code col IN ('a', 'b')} on a varchar column is
 * stored as {@code (col)::text = ANY ((ARRAY['a'::varchar, ...])::text[])}, and that text
 * is stored as {@code ARRAY[('a'::varchar)::text, ...]}. pg_dump has the same limit. No
 * SQL recreates the first tree, so a definition is accepted when, in the scratch
 * database, the live database's text run again stores exactly what the baseline stored,
 * and the baseline's text run again stores itself: both sides are one re-parse of the
 * same text, and the scratch's form is a fixed point. Anything else stays a difference.
 */
final class ReparsedDefinitions {

	private static final String CONSTRAINT_DEFINITION = """
			SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k
			 WHERE k.conrelid = ?::regclass AND quote_ident(k.conname) = ?""";

	private static final String COLUMN_DEFAULT = """
			SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
			  JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
			 WHERE d.adrelid = ?::regclass AND quote_ident(a.attname) = ?""";

	private static final String VIEW_DEFINITION = "SELECT pg_get_viewdef(?::regclass)";

	private static final String INDEX_DEFINITION = "SELECT pg_get_indexdef(?::regclass)";

	private ReparsedDefinitions() {
	}

	/**
	 * Splits {@code differences} into those that remain and those accepted as re-parsed,
	 * described one per line in {@code accepted}.
	 */
	static List<SchemaDifference> filter(List<SchemaDifference> differences, SchemaSnapshot scratchSnapshot,
			DataSource scratch, List<String> accepted) {
		List<SchemaDifference> remaining = new ArrayList<>();
		for (SchemaDifference difference : differences) {
			SchemaObject object = scratchSnapshot.find(difference.type(), difference.name()).orElse(null);
			if (difference.kind() == Kind.CHANGED && object != null && reparses(scratch, object, difference)) {
				accepted.add(difference.type().label() + " " + difference.name() + ": "
						+ difference.changes().get(0).property().replace('_', ' ')
						+ " is stored as PostgreSQL re-parses its own text (" + difference.changes().get(0).b() + ")");
			}
			else {
				remaining.add(difference);
			}
		}
		return remaining;
	}

	private static boolean reparses(DataSource scratch, SchemaObject object, SchemaDifference difference) {
		if (difference.changes().size() != 1) {
			return false;
		}
		PropertyChange change = difference.changes().get(0);
		if (change.a() == null || change.b() == null) {
			return false;
		}
		Probe probe = probe(object, change.property());
		if (probe == null) {
			return false;
		}
		return change.b().equals(probe.run(scratch, change.a())) && change.b().equals(probe.run(scratch, change.b()));
	}

	private static Probe probe(SchemaObject object, String property) {
		if (object.type() == ObjectType.CONSTRAINT && property.equals("definition")
				&& "check".equals(object.property("type"))) {
			String table = object.parent();
			String name = object.name().substring(table.length() + 1);
			return new Probe(
					List.of("ALTER TABLE " + table + " DROP CONSTRAINT " + name,
							"ALTER TABLE " + table + " ADD CONSTRAINT " + name + " %s"),
					CONSTRAINT_DEFINITION, table, name);
		}
		if (object.type() == ObjectType.COLUMN && property.equals("default")) {
			String table = object.parent();
			String name = object.name().substring(table.length() + 1);
			return new Probe(List.of("ALTER TABLE " + table + " ALTER COLUMN " + name + " SET DEFAULT %s"),
					COLUMN_DEFAULT, table, name);
		}
		// an index that backs a key cannot be dropped: the probe fails and the difference
		// stays
		if (object.type() == ObjectType.INDEX && property.equals("definition")) {
			return new Probe(List.of("DROP INDEX " + object.name(), "%s"), INDEX_DEFINITION, object.name(), null);
		}
		if (object.type() == ObjectType.VIEW && property.equals("definition")
				&& "view".equals(object.property("kind"))) {
			return new Probe(List.of("CREATE OR REPLACE VIEW " + object.name() + " AS %s"), VIEW_DEFINITION,
					object.name(), null);
		}
		return null;
	}

	/**
	 * Statements that put a definition in place of the object's own, and the query that
	 * reads it back, run in a transaction that is rolled back.
	 */
	private record Probe(List<String> statements, String readBack, String relation, String name) {

		String run(DataSource scratch, String definition) {
			try (Connection connection = scratch.getConnection()) {
				connection.setAutoCommit(false);
				try (Statement st = connection.createStatement()) {
					st.setEscapeProcessing(false);
					st.execute(SnapshotQueries.PIN_SEARCH_PATH);
					for (String statement : this.statements) {
						st.execute(statement.replace("%s", DdlText.stripSemicolon(definition)));
					}
					try (PreparedStatement read = connection.prepareStatement(this.readBack)) {
						read.setString(1, this.relation);
						if (this.name != null) {
							read.setString(2, this.name);
						}
						try (ResultSet rs = read.executeQuery()) {
							return rs.next() ? rs.getString(1) : null;
						}
					}
				}
				finally {
					connection.rollback();
				}
			}
			catch (SQLException ex) {
				// a definition the scratch database refuses is not a re-parse of the same
				// text
				return null;
			}
		}

	}

}
