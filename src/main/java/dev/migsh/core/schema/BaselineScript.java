package dev.migsh.core.schema;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL that recreates a database's schema, in the order it must run, with what a
 * baseline cannot recreate and had to leave out.
 *
 * @param parts the statements grouped under a heading per phase (schemas, tables,
 * keys...)
 * @param leftOut objects not recreated (aggregates, operators, invalid indexes...), one
 * line each saying what to do
 * @param notes anything else worth knowing, e.g. a dependency cycle that was broken
 * @param skipped the snapshot names of the relations left out on purpose (invalid
 * indexes), which the proof does not count as differences
 * @param notRecreated the objects the script cannot recreate (an operator class, a text
 * search parser...), each named by PostgreSQL with its kind; the proof counts them
 */
public record BaselineScript(List<Part> parts, List<String> leftOut, List<String> notes, Set<String> skipped,
		List<String> notRecreated) {

	public BaselineScript {
		parts = List.copyOf(parts);
		leftOut = List.copyOf(leftOut);
		notes = List.copyOf(notes);
		skipped = Set.copyOf(skipped);
		notRecreated = List.copyOf(notRecreated);
	}

	public BaselineScript(List<Part> parts, List<String> leftOut, List<String> notes, Set<String> skipped) {
		this(parts, leftOut, notes, skipped, List.of());
	}

	/**
	 * One phase of the script.
	 *
	 * @param heading what the statements create, written as a comment above them
	 * @param statements the statements, without their final semicolon
	 */
	public record Part(String heading, List<String> statements) {

		public Part {
			statements = List.copyOf(statements);
		}

	}

	/**
	 * The parts a copy with data runs before its rows are loaded: everything before the
	 * foreign keys, so that no key refuses a sample and no trigger fires on it.
	 */
	public List<Part> beforeData() {
		int split = foreignKeysAt();
		return this.parts.subList(0, split);
	}

	/**
	 * The parts a copy with data runs after its rows are loaded: foreign keys onwards.
	 */
	public List<Part> afterData() {
		int split = foreignKeysAt();
		return this.parts.subList(split, this.parts.size());
	}

	private int foreignKeysAt() {
		List<String> later = java.util.Arrays.stream(DdlItem.Phase.values())
			.dropWhile((p) -> p != DdlItem.Phase.FOREIGN_KEYS)
			.map(DdlItem.Phase::heading)
			.toList();
		for (int i = 0; i < this.parts.size(); i++) {
			if (later.contains(this.parts.get(i).heading())) {
				return i;
			}
		}
		return this.parts.size();
	}

	public int statementCount() {
		return this.parts.stream().mapToInt((p) -> p.statements().size()).sum();
	}

	/**
	 * The body of the up section. It turns off function-body checks for its own
	 * transaction, as pg_dump does, because a function may name a table that is created
	 * after it.
	 */
	public String upSql() {
		StringBuilder sql = new StringBuilder("SET LOCAL check_function_bodies = false;\n");
		for (Part part : this.parts) {
			sql.append("\n-- ").append(part.heading()).append('\n');
			for (String statement : part.statements()) {
				sql.append(statement).append(";\n");
			}
		}
		return sql.toString();
	}

	/**
	 * The whole migration file: a header comment, the up section, and a down section that
	 * says why it is empty.
	 */
	public String fileText(String description) {
		String header = description.lines().map((l) -> "-- " + l).collect(Collectors.joining("\n"));
		return header + "\n-- migrate:up\n" + upSql() + "\n-- migrate:down\n"
				+ "-- A baseline has no down section: undoing it would drop the whole schema.\n"
				+ "-- To start again, restore a backup or drop the objects by hand.\n";
	}

}
