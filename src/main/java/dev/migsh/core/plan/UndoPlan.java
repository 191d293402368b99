package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.HistoryState;

/**
 * The migrations {@code undo} would roll back, latest first, each with its down
 * statements and what they destroy. Computing it refuses a migration without a down
 * section, a changed or missing file, a baseline, and (without force) one that is not the
 * latest applied. Repeatable migrations are never undone; {@code undo --all} forgets
 * their last runs (a step that runs nothing), so that an empty history means apply runs
 * them again.
 */
public record UndoPlan(List<Step> steps) {

	/** One migration to roll back. */
	public record Step(MigrationFile file, AppliedMigration applied, RollbackInstructions rollback) {
	}

	public UndoPlan {
		steps = List.copyOf(steps);
	}

	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

	public static UndoPlan of(StatusReport status, UndoTarget target, boolean force) {
		List<MigrationStatus> applied = status.versionedAppliedInOrder();
		List<MigrationStatus> chosen = new ArrayList<>();
		switch (target.kind()) {
			case LATEST -> {
				if (!applied.isEmpty()) {
					chosen.add(applied.get(applied.size() - 1));
				}
			}
			case ONE -> {
				MigrationStatus one = status.resolve(target.id().get());
				refuseRepeatable(one);
				requireApplied(one);
				MigrationStatus latest = applied.get(applied.size() - 1);
				if (!force && !latest.id().equals(one.id())) {
					throw refused("Migration " + one.id() + " is not the latest applied one (" + latest.id() + " is)",
							"Undo in order with `undo --to " + one.id() + "` and re-apply what you keep, or force it"
									+ " with `undo " + one.id() + " --force` if nothing later depends on it.");
				}
				chosen.add(one);
			}
			case ALL -> {
				for (int i = applied.size() - 1; i >= 0; i--) {
					chosen.add(applied.get(i));
				}
				// back to an empty history: the repeatables' last runs are forgotten
				// (nothing
				// runs), so that the next apply builds them again on what it rebuilds
				status.appliedInOrder().stream().filter(MigrationStatus::isRepeatable).forEach(chosen::add);
			}
			case AFTER -> {
				MigrationStatus keep = status.resolve(target.id().get());
				refuseRepeatable(keep);
				requireApplied(keep);
				long rank = keep.applied().get().rank();
				for (int i = applied.size() - 1; i >= 0; i--) {
					if (applied.get(i).applied().get().rank() > rank) {
						chosen.add(applied.get(i));
					}
				}
			}
		}
		List<Step> steps = new ArrayList<>();
		for (MigrationStatus row : chosen) {
			steps.add(step(row));
		}
		return new UndoPlan(steps);
	}

	private static Step step(MigrationStatus row) {
		if (row.isRepeatable() && row.file().isPresent()) {
			return new Step(row.file().get(), row.applied().get(), RollbackInstructions.of(row.file().get()));
		}
		switch (row.state()) {
			case MISSING -> throw refused("Migration " + row.id() + " cannot be undone: its file is gone",
					"Restore the file, or write a new migration that reverses it.");
			case CHANGED -> throw refused("Migration " + row.id() + " was edited after it was applied: " + row.detail(),
					"Revert the file, or run `repair` to accept it, before undoing.");
			case BASELINE -> throw refused("Migration " + row.id() + " is the baseline and cannot be undone",
					"Restore from a backup to go below the baseline.");
			default -> {
			}
		}
		MigrationFile file = row.file().get();
		if (!file.hasDown()) {
			throw refused("Migration " + row.id() + " cannot be undone: " + RollbackInstructions.NO_DOWN,
					"Restore the data from a backup, or write a new migration that reverses " + row.id() + ".");
		}
		return new Step(file, row.applied().get(), RollbackInstructions.of(file));
	}

	/**
	 * A repeatable has no version to go back to and no down: it is never undone. Undo
	 * takes back only versioned migrations and leaves the repeatables' rows as they are.
	 */
	private static void refuseRepeatable(MigrationStatus row) {
		if (row.isRepeatable()) {
			throw refused(
					"Migration " + row.id() + " is repeatable and cannot be undone: it has no version and no"
							+ " down; apply runs it again whenever its file changes",
					"Edit " + row.id() + ".sql to change what it creates (apply runs it again), or run `mark-pending "
							+ row.id() + "` to forget its last run so that apply runs it again as it is.");
		}
	}

	private static void requireApplied(MigrationStatus row) {
		if (row.applied().isEmpty() || row.applied().get().state() == HistoryState.FAILED) {
			throw refused("Migration " + row.id() + " is not applied (" + row.state().name().toLowerCase() + ")",
					"Run `status` to see what is applied.");
		}
	}

	private static MigshException refused(String message, String hint) {
		return new MigshException(message, hint, ExitCode.PREFLIGHT_REFUSED, null);
	}

}
