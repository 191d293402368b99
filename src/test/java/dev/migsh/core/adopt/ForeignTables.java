package dev.migsh.core.adopt;

/**
 * The history tables as each tool creates them on PostgreSQL (its own DDL, quoting and
 * case), for tests that must find them the way they exist in real databases.
 */
final class ForeignTables {

	/** Sequelize CLI (umzug's SequelizeStorage). */
	static final String SEQUELIZE = """
			CREATE TABLE IF NOT EXISTS "SequelizeMeta" ("name" VARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ("name"))""";

	/** Flyway 9/10, PostgreSQL createMetaDataTable.sql. */
	static final String FLYWAY = """
			CREATE TABLE "public"."flyway_schema_history" (
				"installed_rank" INT NOT NULL,
				"version" VARCHAR(50),
				"description" VARCHAR(200) NOT NULL,
				"type" VARCHAR(20) NOT NULL,
				"script" VARCHAR(1000) NOT NULL,
				"checksum" INTEGER,
				"installed_by" VARCHAR(100) NOT NULL,
				"installed_on" TIMESTAMP NOT NULL DEFAULT now(),
				"execution_time" INTEGER NOT NULL,
				"success" BOOLEAN NOT NULL
			);
			ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
			CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success")""";

	/** golang-migrate's postgres driver. */
	static final String GOLANG_MIGRATE = """
			CREATE TABLE IF NOT EXISTS %s (version bigint not null primary key, dirty boolean not null)""";

	/** dbmate's postgres driver. */
	static final String DBMATE = "create table if not exists %s (version varchar(128) primary key)";

	/** ActiveRecord 7: schema_migrations and ar_internal_metadata. */
	static final String RAILS = """
			CREATE TABLE %1$s."schema_migrations" ("version" character varying NOT NULL PRIMARY KEY);
			CREATE TABLE %1$s."ar_internal_metadata" ("key" character varying NOT NULL PRIMARY KEY,
				"value" character varying, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL)""";

	/**
	 * Liquibase 4 on PostgreSQL: unquoted upper case, so lower case in the catalog; no
	 * primary key.
	 */
	static final String LIQUIBASE = """
			CREATE TABLE public.DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL,
				FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP WITHOUT TIME ZONE NOT NULL,
				ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35),
				DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20),
				CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10));
			CREATE TABLE public.DATABASECHANGELOGLOCK (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL,
				LOCKGRANTED TIMESTAMP WITHOUT TIME ZONE, LOCKEDBY VARCHAR(255),
				CONSTRAINT DATABASECHANGELOGLOCK_PKEY PRIMARY KEY (ID))""";

	/** Prisma Migrate's migration table. */
	static final String PRISMA = """
			CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
				"id"                    VARCHAR(36) NOT NULL,
				"checksum"              VARCHAR(64) NOT NULL,
				"finished_at"           TIMESTAMPTZ,
				"migration_name"        VARCHAR(255) NOT NULL,
				"logs"                  TEXT,
				"rolled_back_at"        TIMESTAMPTZ,
				"started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
				"applied_steps_count"   INTEGER NOT NULL DEFAULT 0,
				CONSTRAINT "_prisma_migrations_pkey" PRIMARY KEY ("id")
			)""";

	/** Knex's migration and lock tables. */
	static final String KNEX = """
			create table "knex_migrations" ("id" serial primary key, "name" varchar(255), "batch" integer,
				"migration_time" timestamptz);
			create table "knex_migrations_lock" ("index" serial primary key, "is_locked" integer)""";

	/** Alembic's version table. */
	static final String ALEMBIC = """
			CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,
				CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))""";

	private ForeignTables() {
	}

}
