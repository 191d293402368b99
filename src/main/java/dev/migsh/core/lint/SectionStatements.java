package dev.migsh.core.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The statements of one section as the rules see them, built once per section: their
 * tokens, and what a rule asks of many statements (which table each creates, section-wide
 * analyses) computed once and kept, so that linting a section of N statements is linear
 * in N rather than re-reading every earlier statement for each one.
 */
public final class SectionStatements {

	private final List<Tokens> tokens;

	private final LintContext lint;

	private final Map<Object, Object> memo = new HashMap<>();

	private List<Optional<TableName>> created;

	/** By bare name: the indexes of the statements that create a table of that name. */
	private Map<String, List<Integer>> createdAt;

	public SectionStatements(List<Tokens> tokens, LintContext lint) {
		this.tokens = List.copyOf(tokens);
		this.lint = lint;
	}

	public int size() {
		return this.tokens.size();
	}

	public Tokens get(int index) {
		return this.tokens.get(index);
	}

	public List<Tokens> list() {
		return this.tokens;
	}

	public LintContext lint() {
		return this.lint;
	}

	/** The table statement {@code index} creates, if it is a {@code CREATE TABLE}. */
	public Optional<TableName> createdTable(int index) {
		indexCreated();
		return this.created.get(index);
	}

	/** True when a statement before {@code index} creates {@code table}. */
	public boolean createdBefore(TableName table, int index) {
		indexCreated();
		for (int at : this.createdAt.getOrDefault(table.name(), List.of())) {
			if (at >= index) {
				return false;
			}
			if (this.created.get(at).get().sameAs(table)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A section-wide analysis computed on first use and kept for the other statements of
	 * the section; {@code key} names it (a rule uses its own class).
	 */
	@SuppressWarnings("unchecked")
	public <T> T memo(Object key, Function<SectionStatements, T> analysis) {
		Object value = this.memo.get(key);
		if (value == null) {
			value = analysis.apply(this);
			this.memo.put(key, value);
		}
		return (T) value;
	}

	private void indexCreated() {
		if (this.created != null) {
			return;
		}
		List<Optional<TableName>> tables = new ArrayList<>(this.tokens.size());
		Map<String, List<Integer>> at = new HashMap<>();
		for (int i = 0; i < this.tokens.size(); i++) {
			Optional<TableName> table = StatementContext.createdTable(this.tokens.get(i));
			tables.add(table);
			int index = i;
			table.ifPresent(t -> at.computeIfAbsent(t.name(), name -> new ArrayList<>()).add(index));
		}
		this.created = tables;
		this.createdAt = at;
	}

}
