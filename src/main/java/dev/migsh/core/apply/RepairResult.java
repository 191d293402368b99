package dev.migsh.core.apply;

import java.util.List;

import dev.migsh.core.catalog.SqlStatement;

/** What {@code repair} did, one action per history row it touched. */
public record RepairResult(List<Action> actions) {

	/**
	 * One repaired row. For a cleared failed row, {@code statementsThatRan} lists what a
	 * partial non-transactional run did: those objects stay in the database.
	 */
	public record Action(String id, Kind kind, String detail, List<SqlStatement> statementsThatRan) {

		public Action {
			statementsThatRan = List.copyOf(statementsThatRan);
		}

	}

	public enum Kind {

		ACCEPTED_CHANGE, CLEARED_FAILED

	}

	public RepairResult {
		actions = List.copyOf(actions);
	}

}
