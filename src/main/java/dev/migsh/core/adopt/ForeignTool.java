package dev.migsh.core.adopt;

/**
 * A migration tool whose history table migsh can read, with the name users know it by.
 * The table is recognised by its columns, never by its name alone.
 */
public enum ForeignTool {

	SEQUELIZE("Sequelize"), FLYWAY("Flyway"), GOLANG_MIGRATE("golang-migrate"), DBMATE("dbmate"), RAILS("Rails"),
	LIQUIBASE("Liquibase"), PRISMA("Prisma"), KNEX("Knex"), ALEMBIC("Alembic");

	private final String displayName;

	ForeignTool(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return this.displayName;
	}

}
