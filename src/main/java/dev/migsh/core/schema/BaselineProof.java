package dev.migsh.core.schema;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of building a baseline in a scratch database and comparing both catalogs
 * object by object: proven when nothing differs.
 *
 * @param scratch where the baseline was built, e.g.
 * {@code database migsh_scratch_1a2b on the same server}
 * @param objects how many objects the live schema has (columns, constraints and indexes
 * included)
 * @param differences each object that differs, the live database as "a" and the scratch
 * as "b"
 * @param reparsed definitions that differ only because PostgreSQL stores its own text
 * differently once it is run again (a varchar IN-list CHECK, for one), each checked in
 * the scratch database and not counted as a difference; one line each
 * @param notRecreated objects of the database the baseline cannot recreate, named with
 * their kind (e.g. {@code operator class public.x for access method btree}): each one
 * makes the proof fail
 * @param took how long building and comparing took
 */
public record BaselineProof(String scratch, int objects, List<SchemaDifference> differences, List<String> reparsed,
		List<String> notRecreated, Duration took) {

	public BaselineProof {
		differences = List.copyOf(differences);
		reparsed = List.copyOf(reparsed);
		notRecreated = List.copyOf(notRecreated);
	}

	public BaselineProof(String scratch, int objects, List<SchemaDifference> differences, Duration took) {
		this(scratch, objects, differences, List.of(), List.of(), took);
	}

	/** Nothing differs and nothing was left out. */
	public boolean proven() {
		return this.differences.isEmpty() && this.notRecreated.isEmpty();
	}

	/**
	 * Each difference as one line:
	 * {@code index public.x: in the database, not in the baseline}.
	 */
	public List<String> describe() {
		List<String> lines = new java.util.ArrayList<>();
		for (SchemaDifference d : this.differences) {
			lines.add(d.describe("the database", "the baseline"));
			d.diff("the database", "the baseline").forEach((line) -> lines.add("    " + line));
		}
		this.notRecreated.forEach((o) -> lines.add(o + ": in the database, not recreated by the baseline"));
		return lines;
	}

}
