package dev.migsh.core.safety;

import java.sql.SQLException;
import java.util.List;

import dev.migsh.core.plan.ObjectTimeline.Verdict;

/**
 * The plan followed against the database once per pre-flight: the checks of objects to
 * create and of objects used read the same verdicts, from one connection and one lookup.
 */
final class PlanFollowed {

	private List<Verdict> verdicts;

	List<Verdict> verdicts(PreflightContext context) throws SQLException {
		if (this.verdicts == null) {
			this.verdicts = ExistingObjectsCheck.follow(context);
		}
		return this.verdicts;
	}

}
