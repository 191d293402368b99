package dev.migsh.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault suite's table: per scenario, the trials run and the invariant violations
 * found, each violation with what it saw.
 */
final class FaultTally {

	private final Map<String, int[]> rows = new LinkedHashMap<>();

	private final List<String> violations = new ArrayList<>();

	synchronized void trial(String scenario, List<String> found) {
		int[] row = this.rows.computeIfAbsent(scenario, s -> new int[2]);
		row[0]++;
		row[1] += found.size();
		found.forEach(v -> this.violations.add(scenario + " #" + row[0] + ": " + v));
	}

	List<String> violations() {
		return List.copyOf(this.violations);
	}

	String table() {
		StringBuilder sb = new StringBuilder(String.format("%-62s %7s %11s%n", "scenario", "trials", "violations"));
		this.rows.forEach((scenario, row) -> sb.append(String.format("%-62s %7d %11d%n", scenario, row[0], row[1])));
		this.violations.forEach(v -> sb.append("  ").append(v).append('\n'));
		return sb.toString();
	}

	void write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, table());
	}

}
