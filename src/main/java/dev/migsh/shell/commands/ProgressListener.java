package dev.migsh.shell.commands;

import java.time.Duration;
import java.util.List;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.Blocker;
import dev.migsh.core.apply.LockHolder;
import dev.migsh.core.apply.MigrationResult;
import dev.migsh.core.apply.UndoneMigration;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.SectionKind;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.shell.Durations;
import dev.migsh.shell.Output;
import dev.migsh.shell.Style;

/**
 * Shows apply and undo as they go: who holds the lock while waiting (with the time left),
 * one line per migration with its elapsed time. The way back is printed once, after the
 * run, where it runs as printed.
 */
final class ProgressListener implements ApplyListener {

	private final Output out;

	private final String verb;

	private boolean lockAnnounced;

	private long lastCountdown = -1;

	private long migrationStart;

	private String current;

	private volatile String step = "";

	private volatile Statement statement;

	/**
	 * When the last "statement i/n after" line was printed, in ms since the migration
	 * started.
	 */
	private long lastStatementLine;

	ProgressListener(Output out, String verb) {
		this.out = out;
		this.verb = verb;
	}

	@Override
	public void lockWaiting(LockHolder holder, Duration waited, Duration limit) {
		if (!this.lockAnnounced) {
			this.lockAnnounced = true;
			this.out.println(this.out.style(Style.YELLOW,
					"Waiting for the migration lock, held by "
							+ (holder == null ? "another session" : holder.describe()) + " (up to "
							+ Durations.format(limit) + ")"));
		}
		long left = Math.max(0, limit.minus(waited).toSeconds());
		if (left != this.lastCountdown && left % 5 == 0) {
			this.lastCountdown = left;
			this.out.println(this.out.style(Style.DIM, "  " + left + " s left"));
		}
	}

	@Override
	public void migrationStarted(MigrationFile migration, int index, int total) {
		this.migrationStart = System.nanoTime();
		this.lastStatementLine = 0;
		this.statement = null;
		this.current = migration.id();
		this.step = this.verb + " " + migration.id() + " (" + index + "/" + total + ")";
		this.out.println(this.out.style(Style.BOLD, "[" + index + "/" + total + "] ") + this.verb + " " + migration.id()
				+ " ...");
	}

	@Override
	public void statementStarted(MigrationFile migration, SectionKind section, int index, int total,
			SqlStatement statement) {
		// the status line is made when it is shown, not for each of 10,000 statements
		this.statement = new Statement(migration.id(), index, total, statement);
		long elapsed = elapsedMillis();
		if (total > 1 && elapsed > 2000 && elapsed - this.lastStatementLine >= 2000) {
			this.lastStatementLine = elapsed;
			this.out.println(this.out.style(Style.DIM,
					"  statement " + index + "/" + total + " after " + Durations.format(Duration.ofMillis(elapsed))));
		}
	}

	@Override
	public void lockRetry(MigrationFile migration, int attempt, int attempts, List<Blocker> blockers, Duration pause) {
		this.out.println(this.out
			.style(Style.YELLOW, "  attempt " + attempt + " of " + attempts + " stopped at lock_timeout"
					+ (blockers.isEmpty() ? ""
							: ", blocked by " + String.join(", ", blockers.stream().map(Blocker::describe).toList()))
					+ "; trying again in " + Durations.format(pause)));
	}

	@Override
	public void migrationFinished(MigrationResult result) {
		this.out.println("  " + this.out.style(Style.GREEN, "✔ applied") + " in " + Durations.format(result.duration())
				+ " (" + result.statements() + (result.statements() == 1 ? " statement" : " statements")
				+ (result.attempts() > 1 ? ", " + result.attemptsText() : "") + ")");
	}

	@Override
	public void migrationUndone(UndoneMigration result) {
		this.out.println("  " + this.out.style(Style.GREEN, "✔ undone") + " in " + Durations.format(result.duration())
				+ " (" + result.statements() + (result.statements() == 1 ? " statement)" : " statements)"));
	}

	/** What runs now, for the status line. */
	String step() {
		Statement running = this.statement;
		String s = (running != null) ? this.verb + " " + running.migration() + ", statement " + running.index() + "/"
				+ running.total() + ": " + RollbackView.oneLine(running.statement().sql()) : this.step;
		return s.length() > 100 ? s.substring(0, 97) + "..." : s;
	}

	String current() {
		return this.current;
	}

	private long elapsedMillis() {
		return (System.nanoTime() - this.migrationStart) / 1_000_000;
	}

	private record Statement(String migration, int index, int total, SqlStatement statement) {
	}

}
