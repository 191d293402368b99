package dev.migsh.core.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders objects so that each comes after the objects it depends on (Kahn's algorithm);
 * among objects free to go, the comparator decides, so the order is stable from one run
 * to the next. A cycle is broken at its first object by the comparator, and reported.
 */
final class DependencyOrder {

	/** The objects in order, and the objects placed before something they depend on. */
	record Result<T>(List<T> ordered, List<T> cycleBreaks) {
	}

	private DependencyOrder() {
	}

	/**
	 * @param objects the objects to order
	 * @param id the identity edges refer to
	 * @param edges pairs of (dependent id, referenced id); pairs naming unknown ids are
	 * ignored
	 * @param order which of the objects free to go comes first
	 */
	static <T> Result<T> sort(List<T> objects, java.util.function.Function<T, String> id, List<String[]> edges,
			Comparator<T> order) {
		Map<String, T> byId = new HashMap<>();
		objects.forEach((o) -> byId.put(id.apply(o), o));
		Map<String, Set<String>> dependsOn = new HashMap<>();
		Map<String, Set<String>> dependents = new HashMap<>();
		for (String[] edge : edges) {
			String from = edge[0];
			String to = edge[1];
			if (from == null || to == null || from.equals(to) || !byId.containsKey(from) || !byId.containsKey(to)) {
				continue;
			}
			if (dependsOn.computeIfAbsent(from, (k) -> new LinkedHashSet<>()).add(to)) {
				dependents.computeIfAbsent(to, (k) -> new LinkedHashSet<>()).add(from);
			}
		}
		PriorityQueue<T> ready = new PriorityQueue<>(order);
		Set<T> waiting = new HashSet<>();
		for (T object : objects) {
			if (dependsOn.getOrDefault(id.apply(object), Set.of()).isEmpty()) {
				ready.add(object);
			}
			else {
				waiting.add(object);
			}
		}
		List<T> ordered = new ArrayList<>(objects.size());
		List<T> breaks = new ArrayList<>();
		Set<T> placed = new HashSet<>();
		while (ordered.size() < objects.size()) {
			if (ready.isEmpty()) {
				// the object waiting on the fewest others is the likeliest to close a
				// cycle
				T first = waiting.stream()
					.min(Comparator.comparingInt((T o) -> dependsOn.get(id.apply(o)).size()).thenComparing(order))
					.orElseThrow();
				breaks.add(first);
				ready.add(first);
			}
			T next = ready.poll();
			if (!placed.add(next)) {
				continue;
			}
			waiting.remove(next);
			ordered.add(next);
			String nextId = id.apply(next);
			for (String dependent : dependents.getOrDefault(nextId, Set.of())) {
				Set<String> remaining = dependsOn.get(dependent);
				remaining.remove(nextId);
				T waiter = byId.get(dependent);
				if (remaining.isEmpty() && !placed.contains(waiter)) {
					ready.add(waiter);
				}
			}
		}
		return new Result<>(ordered, breaks);
	}

}
