package dev.migsh.core.rehearse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One pending migration rehearsed on the copy.
 *
 * @param id the migration
 * @param outcome whether it ran
 * @param statements each up statement that completed, observed
 * @param onCopy how long its up took on the copy, history row included
 * @param invalidIndexes indexes it left INVALID
 * @param notValidConstraints constraints it left NOT VALID
 * @param failure the error apply would give, when it failed
 * @param roundTrip its way back
 */
public record MigrationRehearsal(String id, Outcome outcome, List<ObservedStatement> statements, Duration onCopy,
		List<String> invalidIndexes, List<String> notValidConstraints, Optional<Failure> failure, RoundTrip roundTrip) {

	public enum Outcome {

		REHEARSED, FAILED, NOT_RUN

	}

	/**
	 * The error as apply reports it.
	 *
	 * @param message what happened, with the statement's file:line:column
	 * @param location file:line:column
	 * @param sqlState the server's SQLSTATE, if it gave one
	 * @param hint what apply would say to do next
	 */
	public record Failure(String message, String location, String sqlState, String hint) {
	}

	public MigrationRehearsal {
		statements = List.copyOf(statements);
		invalidIndexes = List.copyOf(invalidIndexes);
		notValidConstraints = List.copyOf(notValidConstraints);
	}

	static MigrationRehearsal notRun(String id) {
		return new MigrationRehearsal(id, Outcome.NOT_RUN, List.of(), Duration.ZERO, List.of(), List.of(),
				Optional.empty(), RoundTrip.of(RoundTrip.Outcome.NOT_RUN));
	}

	/** Where prediction and observation disagree, each prefixed with its statement. */
	public List<String> disagreements() {
		return this.statements.stream()
			.flatMap((s) -> s.disagreements().stream().map((d) -> "statement " + s.index() + ": " + d))
			.toList();
	}

}
