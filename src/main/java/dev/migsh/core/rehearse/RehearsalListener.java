package dev.migsh.core.rehearse;

/** Progress of a rehearsal, for the shell's status line; no-op defaults. */
public interface RehearsalListener {

	RehearsalListener NONE = new RehearsalListener() {
	};

	/** What the rehearsal does now, e.g. {@code copying 12 tables}. */
	default void step(String what) {
	}

}
