package dev.migsh.core.apply;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SqlStatement;

/**
 * Looks at the session just before and just after each statement the engine runs, on the
 * statement's own connection and so inside its transaction when it has one: what a
 * rehearsal uses to read the locks a statement took and the files it rewrote before the
 * transaction ends. Its own queries must not fail; an exception fails the statement.
 */
public interface StatementObserver {

	StatementObserver NONE = new StatementObserver() {
	};

	/**
	 * Statement {@code index} (1-based) of {@code section} is about to run.
	 * @throws SQLException when reading the session failed
	 */
	default void before(Connection connection, MigrationFile file, Section section, int index, SqlStatement statement)
			throws SQLException {
	}

	/**
	 * Statement {@code index} completed; its transaction, if any, is still open.
	 * @throws SQLException when reading the session failed
	 */
	default void after(Connection connection, MigrationFile file, Section section, int index, SqlStatement statement)
			throws SQLException {
	}

}
