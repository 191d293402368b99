package dev.migsh.core.schema;

import dev.migsh.testing.TestDatabase;

/** Connects to other databases on the test server, as the test database's user. */
final class TestConnector {

	private TestConnector() {
	}

	static DatabaseConnector of(TestDatabase db) {
		return db.connector();
	}

}
