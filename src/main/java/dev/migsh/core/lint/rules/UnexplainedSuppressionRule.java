package dev.migsh.core.lint.rules;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Suppression;

final class UnexplainedSuppressionRule extends StatementRule {

	UnexplainedSuppressionRule() {
		super(RuleCatalogue.UNEXPLAINED_SUPPRESSION, Severity.WARNING, "migsh:allow without a reason or a known rule",
				"A suppression hides a safety finding from every later reviewer; without a reason nobody can tell "
						+ "whether it still holds, and a mistyped rule id suppresses nothing.",
				"-- migsh:allow DL-02 because the column has been unused since v3 (a known rule id, then 'because' "
						+ "and the reason).");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		List<String> messages = new ArrayList<>();
		for (Suppression suppression : ctx.suppressions()) {
			if (suppression.ruleIds().isEmpty()) {
				messages.add("migsh:allow on line " + suppression.line() + " names no rule");
			}
			for (String id : suppression.ruleIds()) {
				if (!RuleCatalogue.ids().contains(id)) {
					messages.add("migsh:allow on line " + suppression.line() + " names unknown rule " + id);
				}
			}
			if (!suppression.explained()) {
				messages.add("migsh:allow on line " + suppression.line()
						+ " gives no reason (add 'because ...'), so it suppresses nothing");
			}
		}
		return messages;
	}

}
