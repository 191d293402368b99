package dev.migsh.core.lint;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SqlStatement;

/**
 * One statement as a rule sees it: its tokens without comments, its inline suppressions,
 * its place in the section (so a rule can look at the statements before and after it),
 * and the server facts in {@link LintContext}.
 */
public record StatementContext(SqlStatement statement, Tokens tokens, List<Suppression> suppressions, Section section,
		int index, SectionStatements statements) {

	public StatementContext {
		suppressions = List.copyOf(suppressions);
	}

	/** The server facts the section is linted against. */
	public LintContext lint() {
		return this.statements.lint();
	}

	/** The tokens of every statement of the section, this one at {@link #index()}. */
	public List<Tokens> sectionTokens() {
		return this.statements.list();
	}

	public boolean transactional() {
		return this.section.transactional();
	}

	public boolean atLeast(int serverVersionNum) {
		return lint().atLeast(serverVersionNum);
	}

	/** The statements of the section before this one. */
	public List<Tokens> earlier() {
		return sectionTokens().subList(0, this.index);
	}

	/** The statements of the section after this one. */
	public List<Tokens> later() {
		return sectionTokens().subList(this.index + 1, sectionTokens().size());
	}

	/** The other statements of the section, before and after. */
	public List<Tokens> others() {
		List<Tokens> all = new java.util.ArrayList<>(earlier());
		all.addAll(later());
		return all;
	}

	public Optional<AlterTable> alterTable() {
		return AlterTable.parse(this.tokens);
	}

	/** True when an earlier statement of this section creates the table. */
	public boolean createdEarlier(TableName table) {
		return this.statements.createdBefore(table, this.index);
	}

	/**
	 * True when the table may hold rows other sessions use: not created earlier in this
	 * section, and not known to be absent from the server.
	 */
	public boolean existing(TableName table) {
		return !createdEarlier(table) && lint().mayExist(table);
	}

	/** A finding of {@code rule} on this statement. */
	public Finding finding(Rule rule, String message, String safeAlternative) {
		return new Finding(rule.id(), rule.family(), rule.severity(), message, rule.why(), safeAlternative,
				this.statement, this.section.kind(), false, null);
	}

	/** The table a {@code CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name} creates. */
	public static Optional<TableName> createdTable(Tokens tokens) {
		if (!tokens.startsWith("create")) {
			return Optional.empty();
		}
		int i = tokens.skip(1, "or", "replace");
		if (tokens.at(i, "global") || tokens.at(i, "local")) {
			i++;
		}
		if (tokens.at(i, "temp") || tokens.at(i, "temporary") || tokens.at(i, "unlogged")) {
			i++;
		}
		if (!tokens.at(i, "table")) {
			return Optional.empty();
		}
		i = tokens.skip(i + 1, "if", "not", "exists");
		return tokens.nameAt(i);
	}

}
