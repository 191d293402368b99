package dev.migsh.core.schema;

import java.util.List;

/**
 * The live schema compared with the schema the applied migrations build in a scratch
 * database, or why they could not be compared.
 *
 * @param outcome whether drift was found, not found, or could not be looked for
 * @param scratch where the migrations were replayed
 * @param replayed the ids of the migrations replayed, in version order
 * @param prerequisites what the scratch database was given before the replay because the
 * live database has it and no migration creates it (schemas, extensions), as SQL
 * @param items every object that differs, ordered by type and name; empty when there is
 * no drift
 * @param orderDiffers columns that are the same on both sides but at another position in
 * their table, which is not drift (ADD COLUMN appends), e.g. {@code public.users.email}
 * @param problem for {@link Outcome#COULD_NOT_CHECK}, what went wrong and what to do;
 * else null
 */
public record DriftReport(Outcome outcome, String scratch, List<String> replayed, List<String> prerequisites,
		List<DriftItem> items, List<String> orderDiffers, Problem problem) {

	/** What a drift check concluded. */
	public enum Outcome {

		/** The database is what the migrations build. */
		NO_DRIFT,
		/** Some objects differ: {@link DriftReport#items()}. */
		DRIFT,
		/**
		 * No comparison was made: no scratch database (no CREATEDB), or a migration
		 * failed when replayed.
		 */
		COULD_NOT_CHECK

	}

	/**
	 * Why a check could not be made.
	 *
	 * @param message what happened
	 * @param hint what to do next
	 */
	public record Problem(String message, String hint) {
	}

	public DriftReport {
		replayed = List.copyOf(replayed);
		prerequisites = List.copyOf(prerequisites);
		items = List.copyOf(items);
		orderDiffers = List.copyOf(orderDiffers);
	}

	public DriftReport(String scratch, List<String> replayed, List<DriftItem> items) {
		this(items.isEmpty() ? Outcome.NO_DRIFT : Outcome.DRIFT, scratch, replayed, List.of(), items, List.of(), null);
	}

	static DriftReport couldNotCheck(String message, String hint) {
		return new DriftReport(Outcome.COULD_NOT_CHECK, null, List.of(), List.of(), List.of(), List.of(),
				new Problem(message, hint));
	}

	public boolean hasDrift() {
		return !this.items.isEmpty();
	}

	public List<DriftItem> ofKind(DriftItem.Kind kind) {
		return this.items.stream().filter((i) -> i.kind() == kind).toList();
	}

}
