package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.migsh.core.lint.AlterAction;
import dev.migsh.core.lint.AlterTable;
import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.Rule;
import dev.migsh.core.lint.RuleFamily;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

/**
 * The shape shared by the catalogue's rules: fixed id, severity, title and why; one
 * finding per message the rule returns; a safe alternative that may depend on the server
 * version or on the names in the statement.
 */
abstract class StatementRule implements Rule {

	private final String id;

	private final Severity severity;

	private final String title;

	private final String why;

	private final String safeAlternative;

	StatementRule(String id, Severity severity, String title, String why, String safeAlternative) {
		this.id = id;
		this.severity = severity;
		this.title = title;
		this.why = why;
		this.safeAlternative = safeAlternative;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public RuleFamily family() {
		for (RuleFamily family : RuleFamily.values()) {
			if (this.id.startsWith(family.prefix() + "-")) {
				return family;
			}
		}
		throw new IllegalStateException("rule id without a family prefix: " + this.id);
	}

	@Override
	public Severity severity() {
		return this.severity;
	}

	@Override
	public String title() {
		return this.title;
	}

	@Override
	public String why() {
		return this.why;
	}

	@Override
	public String safeAlternative() {
		return this.safeAlternative;
	}

	@Override
	public List<Finding> check(StatementContext ctx) {
		List<String> messages = messages(ctx);
		if (messages.isEmpty()) {
			return List.of();
		}
		String alternative = safeAlternative(ctx);
		List<Finding> findings = new ArrayList<>(messages.size());
		for (String message : messages) {
			findings.add(ctx.finding(this, message, alternative));
		}
		return findings;
	}

	/**
	 * One message per occurrence of the pattern in the statement; empty when it does not
	 * occur.
	 */
	abstract List<String> messages(StatementContext ctx);

	/**
	 * The messages {@code check} gives for the actions of an ALTER TABLE on a table that
	 * existed before this section; a table created earlier in the section is empty and
	 * exempt.
	 */
	static List<String> onExistingTableActions(StatementContext ctx,
			BiFunction<AlterTable, AlterAction, Optional<String>> check) {
		List<String> messages = new ArrayList<>();
		ctx.alterTable().filter(alter -> ctx.existing(alter.table())).ifPresent(alter -> {
			for (AlterAction action : alter.actions()) {
				check.apply(alter, action).ifPresent(messages::add);
			}
		});
		return messages;
	}

	/**
	 * The safe alternative for this statement on this server; the general one by default.
	 */
	String safeAlternative(StatementContext ctx) {
		return this.safeAlternative;
	}

}
