package dev.migsh.core.schema;

import java.sql.Statement;

/**
 * What lets a Ctrl-C stop a long schema operation (a drift replay, a baseline proof): it
 * is asked between statements, and told which statement runs so that it can cancel it on
 * the server.
 */
public interface StatementWatch {

	StatementWatch NONE = new StatementWatch() {

		@Override
		public boolean isCancelled() {
			return false;
		}

		@Override
		public void running(Statement statement) {
		}

		@Override
		public void finished() {
		}

	};

	boolean isCancelled();

	void running(Statement statement);

	void finished();

}
