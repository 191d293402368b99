package dev.migsh.core.adopt;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

	/**
	 * Whether migsh can keep this tool's table in step ({@code --keep-history}): not
	 * Liquibase (changesets by id, author and file) nor Alembic (a revision chain).
	 */
	public boolean keepable() {
		return this != LIQUIBASE && this != ALEMBIC;
	}

	/** The tools {@code --keep-history} accepts, by the names users know them by. */
	public static List<String> keepableNames() {
		return Arrays.stream(values())
			.filter(ForeignTool::keepable)
			.map(t -> t.displayName().toLowerCase(Locale.ROOT))
			.toList();
	}

	/**
	 * The tool named {@code name} (case ignored: {@code flyway}, {@code golang-migrate}).
	 */
	public static Optional<ForeignTool> named(String name) {
		return Arrays.stream(values()).filter(t -> t.displayName().equalsIgnoreCase(name.trim())).findFirst();
	}

}
