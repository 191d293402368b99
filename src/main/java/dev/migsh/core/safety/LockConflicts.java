package dev.migsh.core.safety;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migsh.core.lint.LockMode;

import static dev.migsh.core.lint.LockMode.ACCESS_EXCLUSIVE;
import static dev.migsh.core.lint.LockMode.ACCESS_SHARE;
import static dev.migsh.core.lint.LockMode.EXCLUSIVE;
import static dev.migsh.core.lint.LockMode.ROW_EXCLUSIVE;
import static dev.migsh.core.lint.LockMode.ROW_SHARE;
import static dev.migsh.core.lint.LockMode.SHARE;
import static dev.migsh.core.lint.LockMode.SHARE_ROW_EXCLUSIVE;
import static dev.migsh.core.lint.LockMode.SHARE_UPDATE_EXCLUSIVE;

/** PostgreSQL's table-lock conflict matrix, and pg_locks' names for the modes. */
final class LockConflicts {

	private static final Map<LockMode, Set<LockMode>> CONFLICTS = Map.of(ACCESS_SHARE, EnumSet.of(ACCESS_EXCLUSIVE),
			ROW_SHARE, EnumSet.of(EXCLUSIVE, ACCESS_EXCLUSIVE), ROW_EXCLUSIVE,
			EnumSet.of(SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE), SHARE_UPDATE_EXCLUSIVE,
			EnumSet.of(SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE), SHARE,
			EnumSet.of(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE),
			SHARE_ROW_EXCLUSIVE,
			EnumSet.of(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE),
			EXCLUSIVE, EnumSet.of(ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE,
					EXCLUSIVE, ACCESS_EXCLUSIVE),
			ACCESS_EXCLUSIVE, EnumSet.complementOf(EnumSet.of(LockMode.NONE)));

	private LockConflicts() {
	}

	static boolean conflict(LockMode requested, LockMode held) {
		return CONFLICTS.getOrDefault(requested, Set.of()).contains(held);
	}

	/** {@code AccessShareLock} to ACCESS_SHARE; NONE for anything else. */
	static LockMode fromPgLocks(String mode) {
		if (mode == null || !mode.endsWith("Lock")) {
			return LockMode.NONE;
		}
		String snake = mode.substring(0, mode.length() - 4).replaceAll("([a-z])([A-Z])", "$1_$2");
		try {
			return LockMode.valueOf(snake.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return LockMode.NONE;
		}
	}

}
