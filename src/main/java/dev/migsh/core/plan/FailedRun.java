package dev.migsh.core.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.SqlSplitter;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.HistoryState;

/**
 * A failed migration statement by statement, as its history row records it: the
 * statements that ran (their text as it ran), the one that failed or was running when the
 * run was interrupted, and those that did not run. An interrupted statement may have
 * completed: only the catalog can tell.
 */
public record FailedRun(String id, List<Step> steps) {

	/** The error text a run records before each statement of a non-transactional up. */
	public static final String INTERRUPTED = "interrupted during statement ";

	public enum Outcome {

		RAN("ran"), FAILED("failed"), INTERRUPTED("interrupted (may have run)"), NOT_RUN("not run");

		private final String word;

		Outcome(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

	}

	/**
	 * @param sql the statement as it ran (or, for one that did not, as the file has it
	 * now)
	 */
	public record Step(int index, Outcome outcome, String sql) {
	}

	public FailedRun {
		steps = List.copyOf(steps);
	}

	/** The statements of a failed row; empty for a row that did not fail. */
	public static Optional<FailedRun> of(AppliedMigration row, Optional<MigrationFile> file) {
		if (row.state() != HistoryState.FAILED) {
			return Optional.empty();
		}
		List<SqlStatement> recorded = recorded(row);
		List<SqlStatement> now = file.map(f -> f.up().statements()).orElse(recorded);
		int done = Math.min(row.statementsDone(), recorded.size());
		int stopped = row.failedStatement() > 0 ? row.failedStatement() : done + 1;
		boolean interrupted = row.error().map(e -> e.startsWith("interrupted")).orElse(true);
		int total = Math.max(row.statementsTotal(), Math.max(now.size(), stopped));
		List<Step> steps = new ArrayList<>();
		for (int i = 1; i <= total; i++) {
			Outcome outcome = (i <= done) ? Outcome.RAN
					: (i == stopped) ? (interrupted ? Outcome.INTERRUPTED : Outcome.FAILED) : Outcome.NOT_RUN;
			List<SqlStatement> source = (outcome == Outcome.NOT_RUN) ? now : recorded;
			String sql = i <= source.size() ? source.get(i - 1).sql() : "";
			steps.add(new Step(i, outcome, sql));
		}
		return Optional.of(new FailedRun(row.id(), steps));
	}

	/** The up statements as they ran, split from the recorded text. */
	public static List<SqlStatement> recorded(AppliedMigration row) {
		return SqlSplitter.split(row.upSql(), Path.of(row.id() + ".sql"), 1);
	}

	/** The statements known to have run. */
	public int ran() {
		return (int) this.steps.stream().filter(s -> s.outcome() == Outcome.RAN).count();
	}

	public int total() {
		return this.steps.size();
	}

	/** The statement that failed or was interrupted. */
	public Optional<Step> stopped() {
		return this.steps.stream()
			.filter(s -> s.outcome() == Outcome.FAILED || s.outcome() == Outcome.INTERRUPTED)
			.findFirst();
	}

	public boolean interrupted() {
		return stopped().map(s -> s.outcome() == Outcome.INTERRUPTED).orElse(false);
	}

	/**
	 * The three ways out of a failed migration, as commands that work in that state.
	 */
	public static String wayOut(String id, int stoppedAt) {
		return "Fix statement " + stoppedAt + " in the file, then `apply --resume " + id
				+ "` runs on from it; or `undo " + id + "` reverts the statements that ran; or, once it is complete"
				+ " by hand, `mark-applied " + id + "` records it.";
	}

	public String wayOut() {
		return wayOut(this.id, stopped().map(Step::index).orElse(ran() + 1));
	}

}
