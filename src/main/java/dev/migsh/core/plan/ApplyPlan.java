package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationFile;

/**
 * The migrations {@code apply} would run, in order. Computing it refuses (exit code 3)
 * when the history is not consistent: failed, changed or missing rows, or out-of-order
 * pending migrations without an explicit id or permission.
 */
public record ApplyPlan(List<MigrationFile> migrations) {

	public ApplyPlan {
		migrations = List.copyOf(migrations);
	}

	public boolean isEmpty() {
		return this.migrations.isEmpty();
	}

	public static ApplyPlan of(StatusReport status, ApplyTarget target, boolean allowOutOfOrder) {
		checkHistory(status);
		List<MigrationStatus> pending = status.rows().stream().filter(MigrationStatus::isPending).toList();
		List<MigrationFile> run = new ArrayList<>();
		switch (target.kind()) {
			case ALL -> {
				refuseOutOfOrder(pending, allowOutOfOrder);
				pending.forEach(p -> run.add(p.file().get()));
			}
			case ONE -> {
				MigrationStatus one = status.resolve(target.id().get());
				requirePending(one);
				if (one.isRepeatable()) {
					requireNoVersionedPending(one, pending);
				}
				run.add(one.file().get());
			}
			case UP_TO -> {
				MigrationStatus last = status.resolve(target.id().get());
				requirePending(last);
				List<MigrationStatus> upTo = pending.stream()
					.filter(p -> p.file().get().compareTo(last.file().get()) <= 0)
					.toList();
				refuseOutOfOrder(upTo, allowOutOfOrder);
				upTo.forEach(p -> run.add(p.file().get()));
				// repeatables follow only the whole pending versioned set
				boolean allVersioned = pending.stream().allMatch(p -> p.isRepeatable() || upTo.contains(p));
				if (allVersioned && !last.isRepeatable()) {
					pending.stream().filter(MigrationStatus::isRepeatable).forEach(p -> run.add(p.file().get()));
				}
			}
		}
		return new ApplyPlan(run);
	}

	/**
	 * Flyway's order: a repeatable runs after every pending versioned migration, so on
	 * its own only when none is left.
	 */
	private static void requireNoVersionedPending(MigrationStatus repeatable, List<MigrationStatus> pending) {
		List<String> versioned = pending.stream().filter(p -> !p.isRepeatable()).map(MigrationStatus::id).toList();
		if (!versioned.isEmpty()) {
			throw refused(
					"Repeatable migration " + repeatable.id() + " runs after the pending versioned migrations ("
							+ String.join(", ", versioned.subList(0, Math.min(3, versioned.size())))
							+ (versioned.size() > 3 ? ", …" : "") + ")",
					"Run `apply` to apply them and then the repeatables, or `apply --to " + repeatable.id()
							+ "` for the same.");
		}
	}

	/**
	 * Refuses when history has failed, changed or missing rows; each names the command
	 * that fixes it.
	 */
	public static void checkHistory(StatusReport status) {
		for (MigrationStatus row : status.rows()) {
			switch (row.state()) {
				case FAILED -> throw refused("Migration " + row.id() + " is recorded as failed (" + row.detail() + ")",
						"`show " + row.id() + "` lists what ran. "
								+ row.applied()
									.flatMap(a -> FailedRun.of(a, row.file()))
									.map(FailedRun::wayOut)
									.orElse("Run `repair` to clear the failed row."));
				case CHANGED ->
					throw refused("Migration " + row.id() + " was edited after it was applied: " + row.detail(),
							"Revert the file (`show " + row.id()
									+ "` prints the diff), or run `repair` to accept the file as what ran.");
				case MISSING -> throw refused("Migration " + row.id() + " is in the history but its file is gone",
						"Restore the file, or run `mark-pending " + row.id() + "` to drop it from the history.");
				default -> {
				}
			}
		}
	}

	private static void refuseOutOfOrder(List<MigrationStatus> pending, boolean allowed) {
		if (allowed) {
			return;
		}
		for (MigrationStatus row : pending) {
			if (row.state() == MigrationState.OUT_OF_ORDER) {
				throw refused("Migration " + row.id() + " is out of order: " + row.detail(),
						"Apply it on its own with `apply " + row.id() + "` after checking it does not depend on later"
								+ " migrations, or give it a new version above the last applied one.");
			}
		}
	}

	private static void requirePending(MigrationStatus row) {
		if (!row.isPending()) {
			throw refused("Migration " + row.id() + " is not pending (" + row.state().name().toLowerCase() + ")",
					"Run `status` to see what is pending.");
		}
	}

	private static MigshException refused(String message, String hint) {
		return new MigshException(message, hint, ExitCode.PREFLIGHT_REFUSED, null);
	}

}
