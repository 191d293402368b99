package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.Tokens;

final class TableRewriteCommandRule extends StatementRule {

	TableRewriteCommandRule() {
		super("LK-15", Severity.WARNING, "VACUUM FULL or CLUSTER",
				"Both rewrite the whole table under ACCESS EXCLUSIVE: no reads, no writes until they finish.",
				"Use an online rebuild (pg_repack, or REPACK (CONCURRENTLY) where the server has it) or run it in a "
						+ "maintenance window; plain VACUUM does not lock out reads or writes.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		if (t.startsWith("vacuum") && full(t)) {
			return List.of("VACUUM FULL rewrites the table under ACCESS EXCLUSIVE");
		}
		if (t.startsWith("cluster")) {
			return List.of("CLUSTER rewrites the table under ACCESS EXCLUSIVE");
		}
		return List.of();
	}

	private static boolean full(Tokens t) {
		if (t.at(1, "full")) {
			return true;
		}
		if (t.is(1, "(")) {
			Tokens options = t.slice(2, t.closing(1));
			int full = options.find(0, "full");
			return full >= 0 && !options.at(full + 1, "false") && !options.at(full + 1, "off")
					&& !(options.size() > full + 1 && options.get(full + 1).text().equals("0"));
		}
		return false;
	}

}
