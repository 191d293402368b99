package dev.migsh.core.lint;

import java.util.Optional;
import java.util.Set;

/**
 * One action of an {@code ALTER TABLE}: {@code ADD COLUMN ...},
 * {@code ALTER COLUMN c SET NOT NULL}, ...
 */
public record AlterAction(Tokens tokens) {

	private static final Set<String> CONSTRAINT_STARTS = Set.of("constraint", "check", "unique", "primary", "foreign",
			"exclude");

	public boolean startsWith(String... parts) {
		return this.tokens.startsWith(parts);
	}

	public boolean contains(String... parts) {
		return this.tokens.containsTopLevel(parts);
	}

	public boolean addsColumn() {
		return startsWith("add") && !CONSTRAINT_STARTS.contains(this.tokens.word(1));
	}

	/** The column being added, for {@code ADD [COLUMN] [IF NOT EXISTS] name type ...}. */
	public Optional<ColumnDefinition> addedColumn() {
		if (!addsColumn()) {
			return Optional.empty();
		}
		int i = this.tokens.skip(1, "column");
		i = this.tokens.skip(i, "if", "not", "exists");
		if (!this.tokens.isIdentifier(i)) {
			return Optional.empty();
		}
		return Optional.of(new ColumnDefinition(this.tokens.identifier(i), this.tokens.from(i + 1)));
	}

	public boolean addsConstraint() {
		return startsWith("add") && CONSTRAINT_STARTS.contains(this.tokens.word(1));
	}

	/**
	 * The constraint after {@code ADD [CONSTRAINT name]}: {@code CHECK (...) NOT VALID}.
	 */
	public Tokens constraintBody() {
		int i = 1;
		if (this.tokens.at(1, "constraint")) {
			i = 3;
		}
		return this.tokens.from(i);
	}

	/** The name given with {@code ADD CONSTRAINT name}, if any. */
	public Optional<String> constraintName() {
		if (this.tokens.at(0, "add", "constraint") && this.tokens.isIdentifier(2)) {
			return Optional.of(this.tokens.identifier(2));
		}
		return Optional.empty();
	}

	public boolean notValid() {
		return contains("not", "valid");
	}

	/** The column of {@code ALTER [COLUMN] name ...}. */
	public Optional<String> alteredColumn() {
		if (!startsWith("alter")) {
			return Optional.empty();
		}
		int i = this.tokens.skip(1, "column");
		return this.tokens.isIdentifier(i) ? Optional.of(this.tokens.identifier(i)) : Optional.empty();
	}

	/** What is done to the column of {@code ALTER [COLUMN] name <rest>}. */
	public Tokens alterColumnRest() {
		int i = this.tokens.skip(1, "column");
		return this.tokens.from(i + 1);
	}

	/**
	 * True for {@code ALTER [COLUMN] c <parts...>}, e.g.
	 * {@code alters("set", "not", "null")}.
	 */
	public boolean alters(String... parts) {
		return alteredColumn().isPresent() && alterColumnRest().startsWith(parts);
	}

	/** The new type of {@code ALTER COLUMN c [SET DATA] TYPE t [USING ...]}. */
	public Optional<Tokens> newType() {
		if (alteredColumn().isEmpty()) {
			return Optional.empty();
		}
		Tokens rest = alterColumnRest();
		int i = rest.skip(0, "set", "data");
		if (!rest.at(i, "type")) {
			return Optional.empty();
		}
		Tokens type = rest.from(i + 1);
		int end = type.findTopLevel(0, "using");
		int collate = type.findTopLevel(0, "collate");
		if (collate >= 0 && (end < 0 || collate < end)) {
			end = collate;
		}
		return Optional.of(end >= 0 ? type.slice(0, end) : type);
	}

	/** The expression after {@code USING} in a type change. */
	public Optional<Tokens> usingExpression() {
		Tokens rest = alterColumnRest();
		int using = rest.findTopLevel(0, "using");
		return (alteredColumn().isPresent() && using >= 0) ? Optional.of(rest.from(using + 1)) : Optional.empty();
	}

	@Override
	public String toString() {
		return this.tokens.text();
	}

}
