package dev.migsh.core.schema;

import java.util.List;

/**
 * The live schema compared with the schema the applied migrations build in a scratch
 * database.
 *
 * @param scratch where the migrations were replayed
 * @param replayed the ids of the migrations replayed, in order
 * @param items every object that differs, ordered by type and name; empty when there is
 * no drift
 */
public record DriftReport(String scratch, List<String> replayed, List<DriftItem> items) {

	public DriftReport {
		replayed = List.copyOf(replayed);
		items = List.copyOf(items);
	}

	public boolean hasDrift() {
		return !this.items.isEmpty();
	}

	public List<DriftItem> ofKind(DriftItem.Kind kind) {
		return this.items.stream().filter((i) -> i.kind() == kind).toList();
	}

}
