package dev.migsh.core.schema;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migsh.testing.TestDatabase;

/** Connects to other databases on the test server, as the test database's user. */
final class TestConnector {

	private TestConnector() {
	}

	static DatabaseConnector of(TestDatabase db) {
		return (name) -> {
			PGSimpleDataSource ds = new PGSimpleDataSource();
			ds.setServerNames(new String[] { db.host() });
			ds.setPortNumbers(new int[] { db.port() });
			ds.setDatabaseName(name);
			ds.setUser(TestDatabase.USER);
			return ds;
		};
	}

}
