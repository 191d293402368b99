package dev.migsh.core.apply;

import java.util.List;

/** The migrations an {@code undo} rolled back, latest first. */
public record UndoResult(List<UndoneMigration> undone) {

	public UndoResult {
		undone = List.copyOf(undone);
	}

}
