package dev.migsh.core.apply;

import java.util.List;

/** What a reset dropped: the schemas, and how many history rows it cleared. */
public record ResetResult(List<String> droppedSchemas, int historyRowsCleared) {

	public ResetResult {
		droppedSchemas = List.copyOf(droppedSchemas);
	}

}
