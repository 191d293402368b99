package dev.migsh.core.plan;

import java.util.Optional;

/**
 * What {@code apply} should run: every pending migration, one by id, or all up to an id.
 */
public record ApplyTarget(Kind kind, Optional<String> id) {

	public enum Kind {

		ALL, ONE, UP_TO

	}

	public static ApplyTarget all() {
		return new ApplyTarget(Kind.ALL, Optional.empty());
	}

	public static ApplyTarget only(String id) {
		return new ApplyTarget(Kind.ONE, Optional.of(id));
	}

	public static ApplyTarget upTo(String id) {
		return new ApplyTarget(Kind.UP_TO, Optional.of(id));
	}

}
