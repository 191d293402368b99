package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class RefreshMaterializedViewRule extends StatementRule {

	RefreshMaterializedViewRule() {
		super("LK-16", Severity.WARNING, "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
				"A plain refresh takes ACCESS EXCLUSIVE on the view: every reader waits until it is recomputed.",
				"REFRESH MATERIALIZED VIEW CONCURRENTLY mv (needs a unique index on mv; readers continue).");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (t.startsWith("refresh", "materialized", "view") && !t.at(3, "concurrently")
				&& !t.containsTopLevel("with", "no", "data")) {
			return List.of("refreshing " + t.nameAt(3).map(Object::toString).orElse("the view")
					+ " blocks its readers until it is recomputed");
		}
		return List.of();
	}

}
