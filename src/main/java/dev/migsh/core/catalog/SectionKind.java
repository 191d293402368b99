package dev.migsh.core.catalog;

/** The parts a migration can have. */
public enum SectionKind {

	UP, DOWN, VERIFY;

	/** The word used in file headers: {@code -- migrate:up}. */
	public String word() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
