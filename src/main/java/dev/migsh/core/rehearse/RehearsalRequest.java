package dev.migsh.core.rehearse;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.migsh.core.plan.ApplyTarget;

/**
 * What to rehearse and on what copy.
 *
 * @param target the migrations, as {@code apply} takes them
 * @param rows how many rows of each live table the copy gets (0: the schema alone)
 * @param excludeColumns columns whose values are not copied (matched against
 * {@code column} and {@code table.column}, case-insensitive): nullable ones are copied as
 * NULL, NOT NULL ones get a fake value of their type
 * @param allowOutOfOrder as {@code apply --allow-out-of-order}
 */
public record RehearsalRequest(ApplyTarget target, int rows, Optional<Pattern> excludeColumns,
		boolean allowOutOfOrder) {

	/**
	 * A small sample: a few seconds to copy, yet enough rows that a statement's fixed
	 * cost is small beside the scaled one (with 1,000 rows of 200,000 a rewrite was
	 * estimated at 4-11× its real time; with 20,000 at 1.1×).
	 */
	public static final int DEFAULT_ROWS = 10000;

	public RehearsalRequest {
		if (rows < 0) {
			throw new IllegalArgumentException("rows must not be negative");
		}
	}

	public static RehearsalRequest all() {
		return new RehearsalRequest(ApplyTarget.all(), DEFAULT_ROWS, Optional.empty(), false);
	}

	public RehearsalRequest withRows(int count) {
		return new RehearsalRequest(this.target, count, this.excludeColumns, this.allowOutOfOrder);
	}

	public RehearsalRequest excluding(Pattern columns) {
		return new RehearsalRequest(this.target, this.rows, Optional.of(columns), this.allowOutOfOrder);
	}

}
