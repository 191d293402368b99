package dev.migsh.core.change;

import java.util.Objects;

/**
 * One confirmation a proposal needs: what it is for, and the word a person types to give
 * it (the database name in production; empty for a countdown).
 *
 * @param reason what the confirmation is about, e.g. "undo destroys 2 object(s) with
 * their data"
 */
public record Requirement(Confirmation kind, String reason, String word) {

	public Requirement {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(word, "word");
	}

}
