package dev.migsh.core.lint;

import java.util.Optional;
import java.util.Set;

/**
 * A column as declared in {@code CREATE TABLE} or {@code ADD COLUMN}: its name, type and
 * constraints.
 */
public record ColumnDefinition(String name, Tokens rest) {

	private static final Set<String> CLAUSE_STARTS = Set.of("constraint", "default", "not", "null", "references",
			"unique", "primary", "check", "generated", "collate", "compression", "storage");

	/**
	 * The declared type, e.g. {@code varchar(20)} or {@code timestamp with time zone}.
	 */
	public Tokens type() {
		return this.rest.slice(0, clauseAfter(0));
	}

	/** The first word of the type, lower case: {@code varchar}, {@code bigserial}. */
	public String typeName() {
		return this.rest.word(0).isEmpty() ? this.rest.identifier(0) : this.rest.word(0);
	}

	/** The expression after {@code DEFAULT}, if there is one. */
	public Optional<Tokens> defaultExpression() {
		int at = this.rest.findTopLevel(0, "default");
		if (at < 0) {
			return Optional.empty();
		}
		return Optional.of(this.rest.slice(at + 1, clauseAfter(at + 2)));
	}

	public boolean has(String... parts) {
		return this.rest.containsTopLevel(parts);
	}

	public boolean notNull() {
		return has("not", "null") || has("primary", "key");
	}

	private int clauseAfter(int from) {
		int depth = 0;
		for (int i = from; i < this.rest.size(); i++) {
			if (this.rest.is(i, "(") || this.rest.is(i, "[")) {
				depth++;
			}
			else if (this.rest.is(i, ")") || this.rest.is(i, "]")) {
				depth--;
			}
			else if (depth == 0 && CLAUSE_STARTS.contains(this.rest.word(i)) && !this.rest.at(i - 1, "::")) {
				return i;
			}
		}
		return this.rest.size();
	}

}
