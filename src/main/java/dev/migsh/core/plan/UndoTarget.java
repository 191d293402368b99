package dev.migsh.core.plan;

import java.util.Optional;

/**
 * What {@code undo} should roll back: the latest applied migration, one by id (only the
 * latest unless forced), or everything applied after an id (which stays applied).
 */
public record UndoTarget(Kind kind, Optional<String> id) {

	public enum Kind {

		LATEST, ONE, AFTER, ALL

	}

	public static UndoTarget latest() {
		return new UndoTarget(Kind.LATEST, Optional.empty());
	}

	public static UndoTarget only(String id) {
		return new UndoTarget(Kind.ONE, Optional.of(id));
	}

	/** {@code undo --all}: every applied migration, latest first. */
	public static UndoTarget all() {
		return new UndoTarget(Kind.ALL, Optional.empty());
	}

	/** {@code undo --to ID}: everything applied after ID. */
	public static UndoTarget to(String id) {
		return new UndoTarget(Kind.AFTER, Optional.of(id));
	}

}
