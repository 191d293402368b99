package dev.migsh.core.rehearse;

import java.util.List;

/**
 * The way back of one migration on the copy: its down, then its up again, each compared
 * with the schema it should leave (the one before the up, the one after it).
 *
 * @param outcome what the round trip showed
 * @param differences each difference, named, e.g.
 * {@code after down: column public.t.c: in the schema before up, not after down}
 * @param problem why it could not complete, else empty
 */
public record RoundTrip(Outcome outcome, List<String> differences, String problem) {

	public enum Outcome {

		/** up → down → up leaves the schema identical. */
		PROVEN,
		/** The down or the second up leaves another schema. */
		DIFFERS,
		/** The migration has no down section. */
		NO_DOWN,
		/** Its down section is empty: undoing it only forgets the history row. */
		EMPTY_DOWN,
		/** The down or the second up failed. */
		FAILED,
		/** Not tried: the migration failed or the rehearsal stopped before it. */
		NOT_RUN

	}

	public RoundTrip {
		differences = List.copyOf(differences);
		problem = (problem == null) ? "" : problem;
	}

	static RoundTrip of(Outcome outcome) {
		return new RoundTrip(outcome, List.of(), "");
	}

}
