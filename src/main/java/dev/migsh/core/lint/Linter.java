package dev.migsh.core.lint;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SqlLexer;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.catalog.SqlToken;
import dev.migsh.core.lint.rules.RuleCatalogue;

/**
 * Runs the safety rules over every statement of a section, then applies the inline
 * {@code -- migsh:allow ID because ...} suppressions written in each statement. Findings
 * come back in statement order; nothing is executed.
 */
public final class Linter {

	private final List<Rule> rules;

	/** A linter with every rule of the catalogue. */
	public Linter() {
		this(RuleCatalogue.all());
	}

	public Linter(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** The rules this linter runs, in catalogue order. */
	public List<Rule> rules() {
		return this.rules;
	}

	/** Findings for the up and down sections of a migration, up first. */
	public List<Finding> lint(MigrationFile migration, LintContext ctx) {
		List<Finding> findings = new ArrayList<>(lint(migration.up(), ctx));
		migration.down().ifPresent(down -> findings.addAll(lint(down, ctx)));
		return findings;
	}

	public List<Finding> lint(Section section, LintContext ctx) {
		List<SqlStatement> statements = section.statements();
		List<Tokens> tokens = new ArrayList<>();
		List<List<Suppression>> suppressions = new ArrayList<>();
		for (SqlStatement statement : statements) {
			List<SqlToken> all = SqlLexer.tokenize(statement.sql());
			tokens.add(Tokens.of(all));
			List<SqlToken> comments = all.stream().filter(t -> t.type() == SqlToken.Type.COMMENT).toList();
			suppressions.add(Suppression.parse(comments, lineOffset(statement, all)));
		}
		SectionStatements all = new SectionStatements(tokens, ctx);
		List<Finding> findings = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			StatementContext context = new StatementContext(statements.get(i), tokens.get(i), suppressions.get(i),
					section, i, all);
			for (Rule rule : this.rules) {
				for (Finding finding : rule.check(context)) {
					findings.add(applySuppressions(finding, suppressions.get(i)));
				}
			}
		}
		return findings;
	}

	/**
	 * What to add to a token's line to get its file line: the splitter gives a statement
	 * the position of its first token that is not a comment, while its text starts with
	 * the comments before it.
	 */
	private static int lineOffset(SqlStatement statement, List<SqlToken> tokens) {
		int firstCodeLine = tokens.stream()
			.filter(t -> t.type() != SqlToken.Type.COMMENT)
			.mapToInt(SqlToken::line)
			.findFirst()
			.orElse(1);
		return statement.line() - firstCodeLine;
	}

	private static Finding applySuppressions(Finding finding, List<Suppression> suppressions) {
		if (finding.ruleId().equals(RuleCatalogue.UNEXPLAINED_SUPPRESSION)) {
			return finding;
		}
		return suppressions.stream()
			.filter(s -> s.covers(finding.ruleId()))
			.findFirst()
			.map(s -> finding.suppress(s.reason()))
			.orElse(finding);
	}

}
