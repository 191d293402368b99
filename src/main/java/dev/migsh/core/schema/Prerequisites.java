package dev.migsh.core.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsh.core.postgres.Identifiers;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * What migrations rely on without creating: schemas and extensions the live database has
 * (made by hand, by a DBA, by another tool) that no migration creates. Drift gives them
 * to the scratch database before the replay, and names them in its report, so that a
 * migration using {@code auth.users} can be replayed.
 */
final class Prerequisites {

	private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";

	private static final Pattern CREATE_SCHEMA = Pattern
		.compile("(?i)\\bCREATE\\s+SCHEMA\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME);

	private static final Pattern CREATE_EXTENSION = Pattern
		.compile("(?i)\\bCREATE\\s+EXTENSION\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME);

	private Prerequisites() {
	}

	/** The statements that make them, schemas first; empty when there are none. */
	static List<String> of(SchemaSnapshot live, List<Drift.Migration> migrations) {
		Set<String> schemas = new HashSet<>();
		Set<String> extensions = new HashSet<>();
		for (Drift.Migration migration : migrations) {
			names(CREATE_SCHEMA, migration.sql(), schemas);
			names(CREATE_EXTENSION, migration.sql(), extensions);
		}
		List<String> statements = new ArrayList<>();
		Set<String> given = new HashSet<>(Set.of("public"));
		for (SchemaObject schema : live.ofType(ObjectType.SCHEMA)) {
			if (!schema.name().equals("public") && !schemas.contains(schema.name())) {
				statements.add("CREATE SCHEMA IF NOT EXISTS " + schema.name());
				given.add(schema.name());
			}
		}
		for (SchemaObject extension : live.ofType(ObjectType.EXTENSION)) {
			String schema = Identifiers.quote(extension.property("schema"));
			if (extension.name().equals("plpgsql") || extensions.contains(extension.name())
					|| !(given.contains(schema) || schema.equals("pg_catalog"))) {
				continue;
			}
			statements.add("CREATE EXTENSION IF NOT EXISTS " + extension.name() + " WITH SCHEMA " + schema);
		}
		return statements;
	}

	private static void names(Pattern pattern, String sql, Set<String> into) {
		Matcher m = pattern.matcher(sql);
		while (m.find()) {
			String name = m.group(1);
			into.add(Identifiers.quote(name.startsWith("\"")
					? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name.toLowerCase(Locale.ROOT)));
		}
	}

}
