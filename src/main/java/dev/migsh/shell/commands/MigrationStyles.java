package dev.migsh.shell.commands;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.shell.Style;

/** How migration states and times look in tables. */
final class MigrationStyles {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private MigrationStyles() {
	}

	static String word(MigrationState state) {
		return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/**
	 * A row's state as status shows it; a repeatable's is {@code repeatable: pending},
	 * {@code repeatable: applied} or {@code repeatable: outdated}.
	 */
	static String word(MigrationStatus row) {
		return row.isRepeatable() ? "repeatable: " + word(row.state()) : word(row.state());
	}

	static Style style(MigrationState state) {
		return switch (state) {
			case APPLIED -> Style.GREEN;
			case PENDING, OUT_OF_ORDER, OUTDATED -> Style.YELLOW;
			case FAILED, CHANGED, MISSING -> Style.BOLD_RED;
			case MARKED, BASELINE -> Style.CYAN;
		};
	}

	static String time(Instant instant) {
		return TIME.format(instant);
	}

}
