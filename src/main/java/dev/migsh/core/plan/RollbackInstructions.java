package dev.migsh.core.plan;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SqlStatement;

/**
 * How to roll an applied migration back: the exact command, the down statements it would
 * run and the tables, columns and schemas they destroy; or, without a down section, what
 * to do instead.
 */
public record RollbackInstructions(Optional<String> undoCommand, List<SqlStatement> downStatements,
		List<DbObject> destroys, String note) {

	public static final String NO_DOWN = "no down section: rolling back needs a restore or a new migration";

	public static final String EMPTY_DOWN = "the down section is empty: undo only removes the history row; "
			+ "what the migration did stays";

	public static final String REPEATABLE = "repeatable: never undone; apply runs it again when its file changes";

	public RollbackInstructions {
		downStatements = List.copyOf(downStatements);
		destroys = List.copyOf(destroys);
	}

	public static RollbackInstructions of(MigrationFile file) {
		if (file.isRepeatable()) {
			return new RollbackInstructions(Optional.empty(), List.of(), List.of(), REPEATABLE);
		}
		if (!file.hasDown()) {
			return new RollbackInstructions(Optional.empty(), List.of(), List.of(), NO_DOWN);
		}
		List<SqlStatement> down = file.down().map(Section::statements).orElse(List.of());
		String note = down.isEmpty() ? EMPTY_DOWN : "";
		return new RollbackInstructions(Optional.of("undo " + file.id()), down, DdlObjects.destroyed(down), note);
	}

	/** No rollback, for a run that applied nothing. */
	public static RollbackInstructions none() {
		return new RollbackInstructions(Optional.empty(), List.of(), List.of(), "");
	}

	/** True for a repeatable migration's: undo leaves it out of a run's way back. */
	public boolean repeatable() {
		return REPEATABLE.equals(this.note);
	}

	public boolean possible() {
		return this.undoCommand.isPresent();
	}

}
