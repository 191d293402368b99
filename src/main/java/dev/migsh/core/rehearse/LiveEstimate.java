package dev.migsh.core.rehearse;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a statement would take on the live database, scaled from its time on the copy:
 * an estimate, with the basis it was computed from.
 *
 * @param duration the estimate; empty when it cannot be scaled (no sample rows)
 * @param basis how it was computed, e.g.
 * {@code ×200 (public.t: 1,085 live pages / 6 pages on the copy)}
 */
public record LiveEstimate(Optional<Duration> duration, String basis) {

	static LiveEstimate same(Duration onCopy, String why) {
		return new LiveEstimate(Optional.of(onCopy), why);
	}

	static LiveEstimate unknown(String why) {
		return new LiveEstimate(Optional.empty(), why);
	}

}
