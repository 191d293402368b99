package dev.migsh.core.adopt;

import java.util.List;

import dev.migsh.core.postgres.Identifiers;

/**
 * Each tool's history table as that tool creates it on PostgreSQL when it is missing: its
 * name, columns, types, keys and indexes, so the tool finds its own table at its next
 * start.
 */
final class ForeignHistoryTables {

	private ForeignHistoryTables() {
	}

	/** The table's name as the tool spells it. */
	static String name(ForeignTool tool) {
		return switch (tool) {
			case SEQUELIZE -> "SequelizeMeta";
			case FLYWAY -> "flyway_schema_history";
			case GOLANG_MIGRATE, DBMATE, RAILS -> "schema_migrations";
			case KNEX -> "knex_migrations";
			case PRISMA -> "_prisma_migrations";
			case LIQUIBASE -> "databasechangelog";
			case ALEMBIC -> "alembic_version";
		};
	}

	/** The statements that create the table (and its companions) in {@code schema}. */
	static List<String> create(ForeignTool tool, String schema) {
		String table = Identifiers.qualified(schema, name(tool));
		return switch (tool) {
			// sequelize-cli (SequelizeStorage) on PostgreSQL
			case SEQUELIZE -> List.of("CREATE TABLE IF NOT EXISTS " + table
					+ " (\"name\" VARCHAR(255) NOT NULL UNIQUE, PRIMARY KEY (\"name\"))");
			case FLYWAY -> List.of("""
					CREATE TABLE %s (
						"installed_rank" INT NOT NULL,
						"version" VARCHAR(50),
						"description" VARCHAR(200) NOT NULL,
						"type" VARCHAR(20) NOT NULL,
						"script" VARCHAR(1000) NOT NULL,
						"checksum" INTEGER,
						"installed_by" VARCHAR(100) NOT NULL,
						"installed_on" TIMESTAMP NOT NULL DEFAULT now(),
						"execution_time" INTEGER NOT NULL,
						"success" BOOLEAN NOT NULL)""".formatted(table),
					"ALTER TABLE " + table
							+ " ADD CONSTRAINT \"flyway_schema_history_pk\" PRIMARY KEY (\"installed_rank\")",
					"CREATE INDEX \"flyway_schema_history_s_idx\" ON " + table + " (\"success\")");
			case GOLANG_MIGRATE -> List.of("CREATE TABLE IF NOT EXISTS " + table
					+ " (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)");
			case DBMATE -> List.of("CREATE TABLE IF NOT EXISTS " + table + " (version varchar(128) PRIMARY KEY)");
			case RAILS -> List.of("CREATE TABLE " + table + " (\"version\" character varying NOT NULL PRIMARY KEY)",
					"CREATE TABLE IF NOT EXISTS " + Identifiers.qualified(schema, "ar_internal_metadata")
							+ " (\"key\" character varying NOT NULL PRIMARY KEY, \"value\" character varying,"
							+ " \"created_at\" timestamp(6) NOT NULL, \"updated_at\" timestamp(6) NOT NULL)");
			case KNEX -> List.of("CREATE TABLE " + table
					+ " (\"id\" serial PRIMARY KEY, \"name\" varchar(255), \"batch\" integer, \"migration_time\" timestamptz)",
					"CREATE TABLE IF NOT EXISTS " + Identifiers.qualified(schema, "knex_migrations_lock")
							+ " (\"index\" serial PRIMARY KEY, \"is_locked\" integer)");
			case PRISMA -> List.of("""
					CREATE TABLE %s (
						"id" VARCHAR(36) PRIMARY KEY NOT NULL,
						"checksum" VARCHAR(64) NOT NULL,
						"finished_at" TIMESTAMPTZ,
						"migration_name" VARCHAR(255) NOT NULL,
						"logs" TEXT,
						"rolled_back_at" TIMESTAMPTZ,
						"started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
						"applied_steps_count" INTEGER NOT NULL DEFAULT 0)""".formatted(table));
			case LIQUIBASE, ALEMBIC -> throw new IllegalArgumentException(tool + " is not kept in step");
		};
	}

}
