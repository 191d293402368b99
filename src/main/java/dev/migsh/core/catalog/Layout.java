package dev.migsh.core.catalog;

/** How a migration is laid out on disk. */
public enum Layout {

	/**
	 * One file with {@code -- migrate:up}, {@code -- migrate:down},
	 * {@code -- migrate:verify}.
	 */
	SECTIONS,
	/** golang-migrate style {@code NAME.up.sql} and {@code NAME.down.sql}. */
	UP_DOWN_PAIR,
	/**
	 * Flyway's {@code V<ver>__<name>.sql} with an optional {@code U<ver>__<name>.sql}.
	 */
	FLYWAY

}
